/** Inline CSS of the public site: logical properties only, so Arabic mirrors with no overrides. */
export const PUBLIC_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans","Noto Sans Arabic","Segoe UI",Tahoma,sans-serif;line-height:1.6;color:#1f2933;background:#f8faf9}
.wrap{max-inline-size:60rem;margin-inline:auto;padding-inline:1rem}
.site-header{background:var(--brand);color:#fff;padding-block:.75rem}
.site-header .wrap{display:flex;justify-content:space-between;align-items:center;gap:1rem}
.site-header a{color:#fff;font-weight:600}
.brand{font-size:1.25rem}
h1{font-size:1.75rem;margin-block:1.5rem .5rem}
.lead{font-size:1.1rem;color:#3e4c59}
.orgs{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}
.org{background:#fff;border:1px solid #d9e2ec;border-radius:.5rem;padding:1rem;border-inline-start:.3rem solid var(--brand)}
.org h3{margin:0 0 .25rem;font-size:1.05rem}
.meta{margin:0;color:#52606d;font-size:.9rem}
footer{color:#52606d;font-size:.85rem;padding-block:2rem}
`;
