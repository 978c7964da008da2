// Preloaded into the server by the retained-memory check (node --expose-gc -r bench/gc-preload.cjs):
// collects garbage twice a second, so that resident memory shows what is retained, not what awaits collection.
setInterval(() => global.gc(), 500).unref();
