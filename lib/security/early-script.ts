/**
 * The one inline script of the app, run (with the request's CSP nonce) before any bundle: it tells zod not to
 * probe `new Function` for its JIT. Under a strict CSP that probe is refused and reported as a policy
 * violation even though zod catches it; with `jitless` it is never attempted and parsing is unchanged.
 */
export const EARLY_SCRIPT = "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});";
