/** Formats the API server checks values against, shared by the rules that check them. */

/** A DNS-1123 subdomain, as object names, CSI drivers and StorageClass names must be (lowercase). */
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A resource quantity (`512Mi`, `1Gi`, `1e9`, `-1`): sign, number, and a binary, decimal or exponent suffix. */
export const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
