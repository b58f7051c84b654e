import { html, type Html } from './html.js';

export interface PageOptions {
  title: string;
  /** Who is signed in (shown with a sign-out button), or null in open mode. */
  signedInAs: string | null;
  /** The nav entry to mark. */
  section?: 'analyses' | 'clusters';
}

/**
 * The page shell. Everything comes from this server: one stylesheet and one script under
 * /assets/, no fonts, no CDN (the Content-Security-Policy header enforces it).
 */
export function page(options: PageOptions, body: Html): string {
  const current = (section: PageOptions['section']) => (options.section === section ? html` aria-current="page"` : '');
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · bundle-triage</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="/">bundle-triage</a>
  <nav>
    <a href="/"${current('analyses')}>Analyses</a>
    <a href="/clusters"${current('clusters')}>Clusters</a>
    <a href="/api/openapi.json">API</a>
  </nav>
  ${options.signedInAs ? html`<form class="signout" method="post" action="/logout"><span>${options.signedInAs}</span> <button type="submit">Sign out</button></form>` : ''}
</header>
<main>
${body}
</main>
</body>
</html>
`.value;
}

/** The Content-Security-Policy of every page: only this origin's own stylesheet, script and requests. */
export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
