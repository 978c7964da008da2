-- Headless Neovim (0.7.x) probe for the kube-volumes language server.
--
-- Run by test/nvim/run.mjs as:
--   nvim --headless --clean -u NONE -n -i NONE -c "luafile probe.lua" <file.yaml>
--
-- Inputs (environment):
--   KV_NVIM_PLAN  path of a JSON file: { "cmd": [...], "diagnosticsTimeoutMs": n,
--                 "requestTimeoutMs": n, "requests": [ { "name", "kind", "line", "character", "code" } ] }
--                 kind is one of hover | completion | definition | codeAction (codeAction uses `code`).
--   KV_NVIM_OUT   path of the JSON file this script writes (always written, even on failure).
--
-- Only 0.7 APIs are used: vim.lsp.start_client + buf_attach_client, client.request_sync,
-- vim.fn.json_encode/json_decode, io.open. The script always ends with `qall!`.

local out = {
  nvim = nil,
  errors = {},
  clientStarted = false,
  initialized = false,
  diagnostics = nil, -- raw LSP diagnostics of the last publishDiagnostics for our buffer
  diagnosticsVersion = nil,
  publishCount = 0,
  serverMessages = {},
  serverExit = nil,
  responses = {},
  timings = {},
}

local function now_ms()
  return vim.loop.hrtime() / 1e6
end

local started_at = now_ms()

local function fail(msg)
  table.insert(out.errors, msg)
end

local function read_all(path)
  local f, err = io.open(path, 'r')
  if not f then return nil, err end
  local s = f:read('*a')
  f:close()
  return s
end

local function write_out()
  local path = os.getenv('KV_NVIM_OUT')
  if not path or path == '' then
    io.stderr:write('probe.lua: KV_NVIM_OUT is not set\n')
    return
  end
  local ok, encoded = pcall(vim.fn.json_encode, out)
  if not ok then
    encoded = vim.fn.json_encode({ errors = { 'json_encode failed: ' .. tostring(encoded) } })
  end
  local f, err = io.open(path, 'w')
  if not f then
    io.stderr:write('probe.lua: cannot write ' .. path .. ': ' .. tostring(err) .. '\n')
    return
  end
  f:write(encoded)
  f:close()
end

local function main()
  local v = vim.version()
  out.nvim = string.format('%d.%d.%d', v.major, v.minor, v.patch)

  local plan_path = os.getenv('KV_NVIM_PLAN')
  if not plan_path then return fail('KV_NVIM_PLAN is not set') end
  local plan_text, read_err = read_all(plan_path)
  if not plan_text then return fail('cannot read plan: ' .. tostring(read_err)) end
  local plan = vim.fn.json_decode(plan_text)

  local bufnr = vim.api.nvim_get_current_buf()
  local fname = vim.api.nvim_buf_get_name(bufnr)
  if fname == '' then return fail('no file was opened') end
  vim.bo[bufnr].filetype = 'yaml' -- -u NONE skips filetype detection; languageId comes from this
  local uri = vim.uri_from_bufnr(bufnr)
  out.uri = uri

  local function record_message(kind)
    return function(_, result)
      if result then
        table.insert(out.serverMessages, { kind = kind, type = result.type, message = result.message })
      end
      return vim.NIL
    end
  end

  local client_id = vim.lsp.start_client({
    name = 'kube-volumes',
    cmd = plan.cmd,
    root_dir = vim.fn.fnamemodify(fname, ':p:h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result and result.uri == uri then
          out.publishCount = out.publishCount + 1
          out.diagnostics = result.diagnostics
          out.diagnosticsVersion = result.version
          out.timings.firstDiagnosticsMs = out.timings.firstDiagnosticsMs or (now_ms() - started_at)
        end
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
      end,
      ['window/logMessage'] = record_message('log'),
      ['window/showMessage'] = record_message('show'),
    },
    on_init = function()
      out.initialized = true
      out.timings.initializedMs = now_ms() - started_at
    end,
    on_exit = function(code, signal)
      out.serverExit = { code = code, signal = signal }
    end,
  })
  if not client_id then
    return fail('vim.lsp.start_client returned nil (server command could not be spawned)')
  end
  out.clientStarted = true
  vim.lsp.buf_attach_client(bufnr, client_id)

  local diag_timeout = plan.diagnosticsTimeoutMs or 10000
  local got = vim.wait(diag_timeout, function()
    return out.diagnostics ~= nil or out.serverExit ~= nil
  end, 20)
  if out.diagnostics == nil then
    local why = out.serverExit and string.format('server exited (code %s)', tostring(out.serverExit.code))
      or string.format('timed out after %d ms', diag_timeout)
    return fail('no textDocument/publishDiagnostics: ' .. why .. (got and '' or ''))
  end

  local client = vim.lsp.get_client_by_id(client_id)
  if not client then return fail('client ' .. client_id .. ' is gone') end

  local timeout = plan.requestTimeoutMs or 5000
  for _, req in ipairs(plan.requests or {}) do
    local pos = { line = req.line, character = req.character }
    local method, params
    if req.kind == 'hover' then
      method, params = 'textDocument/hover', { textDocument = { uri = uri }, position = pos }
    elseif req.kind == 'completion' then
      method, params = 'textDocument/completion', {
        textDocument = { uri = uri }, position = pos, context = { triggerKind = 1 },
      }
    elseif req.kind == 'definition' then
      method, params = 'textDocument/definition', { textDocument = { uri = uri }, position = pos }
    elseif req.kind == 'codeAction' then
      local matching = {}
      for _, d in ipairs(out.diagnostics) do
        if d.code == req.code then table.insert(matching, d) end
      end
      if #matching == 0 then
        fail('codeAction ' .. req.name .. ': no diagnostic with code ' .. tostring(req.code))
      else
        method, params = 'textDocument/codeAction', {
          textDocument = { uri = uri },
          range = matching[1].range,
          -- 0.7: pass the raw LSP diagnostics (not vim.diagnostic items) in the context.
          context = { diagnostics = matching },
        }
      end
    else
      fail('unknown request kind ' .. tostring(req.kind))
    end
    if method then
      local t0 = now_ms()
      local res, err = client.request_sync(method, params, timeout, bufnr)
      local entry = { name = req.name, method = method, params = params, ms = now_ms() - t0 }
      if not res then
        entry.error = 'request failed: ' .. tostring(err or 'client not running')
      elseif res.err then
        entry.error = res.err
      else
        -- vim.NIL (JSON null) is encoded as null by json_encode; keep it explicit.
        entry.result = res.result
        entry.isNull = (res.result == nil or res.result == vim.NIL)
      end
      out.responses[req.name] = entry
    end
  end

  -- Shut the server down politely so it does not outlive nvim.
  client.stop()
  vim.wait(3000, function() return out.serverExit ~= nil end, 20)
end

local ok, err = pcall(main)
if not ok then fail('probe.lua crashed: ' .. tostring(err)) end
out.timings.totalMs = now_ms() - started_at
write_out()
vim.cmd('qall!')
