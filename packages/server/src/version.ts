/** The version of @bundle-triage/server (a test checks it against package.json). */
export const SERVER_VERSION = '0.1.0';
