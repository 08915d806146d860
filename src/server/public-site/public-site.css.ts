/**
 * Inline CSS of the public site (one request per page, no render-blocking fetch). Logical properties
 * only, so Arabic mirrors from `dir` alone with no override (STYLE G11). Fonts come from the system:
 * Arabic text asks for Noto Sans Arabic first, whichever element carries `lang="ar"`.
 */
export const PUBLIC_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Noto Sans","Segoe UI",system-ui,sans-serif;line-height:1.6;color:#1f2933;background:#f8faf9}
:lang(ar){font-family:"Noto Sans Arabic","Noto Naskh Arabic","Segoe UI","Geeza Pro",Tahoma,sans-serif;line-height:1.8}
.wrap{max-inline-size:60rem;margin-inline:auto;padding-inline:1rem}
.skip{position:absolute;inset-inline-start:-999rem}
.skip:focus{inset-inline-start:1rem;inset-block-start:1rem;background:#fff;color:#1f2933;padding:.5rem 1rem;z-index:1}
.site-header{background:var(--brand);color:#fff;padding-block:.75rem}
.site-header .wrap{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem 1rem}
.brand{display:flex;align-items:center;gap:.6rem;color:#fff;text-decoration:none;font-size:1.25rem;font-weight:700}
.logo{inline-size:2.5rem;block-size:2.5rem;object-fit:contain;background:#fff;border-radius:.25rem}
.languages ul{display:flex;gap:.25rem;list-style:none;margin:0;padding:0}
.languages a{display:block;color:#fff;padding:.25rem .6rem;border-radius:999px;text-decoration:none;border:1px solid transparent}
.languages a:hover,.languages a:focus-visible{border-color:#fff}
.languages a[aria-current]{background:#fff;color:var(--brand);font-weight:700}
a{color:var(--brand)}
a:focus-visible{outline:3px solid #f0b429;outline-offset:2px}
h1{font-size:1.75rem;line-height:1.3;margin-block:1.5rem .5rem}
h2{font-size:1.3rem;margin-block:2rem .75rem}
.lead{font-size:1.1rem;color:#3e4c59;margin-block-start:0}
.summary{color:#52606d}
.country{margin-block-start:2rem}
.country h3{font-size:1.15rem;margin-block:0 .75rem}
.country h3{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem .75rem;border-block-end:2px solid var(--brand);padding-block-end:.25rem}
.country h3 small{font-size:.9rem;font-weight:400;color:#52606d}
.orgs{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}
.org{background:#fff;border:1px solid #d9e2ec;border-inline-start:.3rem solid var(--brand);border-radius:.5rem;padding:1rem}
.org h4{margin:0 0 .25rem;font-size:1.05rem;line-height:1.4}
.meta{margin:0;color:#52606d;font-size:.9rem}
.site{margin:.25rem 0 0;font-size:.9rem;overflow-wrap:anywhere}
.site-footer{color:#52606d;font-size:.85rem;padding-block:2rem;border-block-start:1px solid #d9e2ec;margin-block-start:3rem}
@media (max-width:30rem){h1{font-size:1.4rem}.brand{font-size:1.1rem}}
`;
