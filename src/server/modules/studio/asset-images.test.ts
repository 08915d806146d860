import { describe, expect, it } from 'vitest';
import { findSvgHazard } from './asset-images.js';

describe('SVG hazards', () => {
  it('lets an inert drawing through, with internal references and embedded raster images', () => {
    expect(
      findSvgHazard(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use xlink:href="#g"/><image href="data:image/png;base64,AAAA"/></svg>',
      ),
    ).toBeUndefined();
  });

  it.each([
    ['<svg><script>alert(1)</script></svg>', 'script'],
    ['<svg><svg:script href="#x"/></svg>', 'script'],
    ['<svg onload="alert(1)"></svg>', 'event handler'],
    ['<svg/onload=alert(1)>', 'event handler'],
    ['<svg><foreignObject><iframe src="x"/></foreignObject></svg>', 'embedded content'],
    ['<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>', 'entity declaration'],
    ['<svg><image href="https://tracker.example/pixel.png"/></svg>', 'external reference'],
    ['<svg><a xlink:href="javascript:alert(1)"><rect/></a></svg>', 'external reference'],
    ['<svg><a href="&#106;avascript:alert(1)"><rect/></a></svg>', 'external reference'],
    ['<svg><style>@import url(https://x.example/a.css)</style></svg>', 'style import'],
    ['<svg><rect style="fill:url(https://x.example/a.svg#p)"/></svg>', 'external reference in a style'],
    ['<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>', 'animated link'],
  ])('refuses %s', (svg, reason) => {
    expect(findSvgHazard(svg)).toBe(reason);
  });
});
