/**
 * Styles of the newsletter's public forms, added to the public site's sheet (logical properties only,
 * so Arabic mirrors from `dir`). The embeddable form has no site shell and carries the base rules too.
 */
export const NEWSLETTER_FORM_CSS = `
.nl-form{display:grid;gap:1rem;max-inline-size:36rem;background:#fff;border:1px solid #d9e2ec;border-radius:.5rem;padding:1.25rem}
.nl-field{display:grid;gap:.3rem}
.nl-field>label:not(.nl-choice),.nl-legend{font-weight:600}
.nl-field input[type=email],.nl-field input[type=text],.nl-field select{font:inherit;padding:.55rem .7rem;border:1px solid #9aa5b1;border-radius:.35rem;inline-size:100%;background:#fff}
.nl-field input:focus-visible,.nl-field select:focus-visible,.nl-choice input:focus-visible,.nl-button:focus-visible{outline:3px solid #f0b429;outline-offset:2px}
.nl-legend{padding:0}
.nl-hint{font-size:.9rem;color:#52606d;margin:0}
fieldset.nl-field{border:0;padding:0;margin:0}
.nl-choices{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.nl-choice{display:flex;align-items:flex-start;gap:.45rem;font-weight:400}
.nl-choice input{margin-block-start:.35rem}
.nl-consent{background:#f0f4f8;border-radius:.35rem;padding:.75rem}
.nl-error{color:#b42318;font-size:.9rem;margin:0;font-weight:600}
.nl-alert{border-inline-start:.3rem solid #b42318;background:#fef3f2;padding:.75rem 1rem;border-radius:.35rem}
.nl-notice{border-inline-start:.3rem solid var(--brand,#0f766e);background:#f0fdf9;padding:.75rem 1rem;border-radius:.35rem}
.nl-button{font:inherit;font-weight:700;background:var(--brand,#0f766e);color:#fff;border:0;border-radius:.35rem;padding:.65rem 1.4rem;cursor:pointer;justify-self:start}
.nl-button.nl-secondary{background:#fff;color:#b42318;border:1px solid #b42318}
.nl-hp{position:absolute;inset-inline-start:-999rem;inline-size:1px;block-size:1px;overflow:hidden}
.nl-actions{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
`;

/** Base rules of the embeddable form's own small page. */
export const NEWSLETTER_EMBED_CSS = `
*{box-sizing:border-box}
body{margin:0;padding:.5rem;font-family:"Noto Sans","Segoe UI",system-ui,sans-serif;line-height:1.5;color:#1f2933;background:transparent}
:lang(ar){font-family:"Noto Sans Arabic","Noto Naskh Arabic","Segoe UI",Tahoma,sans-serif;line-height:1.8}
h1{font-size:1.2rem;margin:0 0 .75rem}
.nl-form{max-inline-size:none}
`;
