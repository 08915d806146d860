/** A link's preview: Open Graph read from a page, redirects followed, and no probing of private addresses. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchLinkPreview, isPrivateAddress, parseLinkPreview } from '../../src/server/modules/social/link-preview.js';
import { createPostsFixture, type PostsFixture } from '../helpers/social-posts-fixture.js';

const PAGE = `<!doctype html><html lang="ar" dir="rtl"><head>
<title>احتياطي</title>
<meta content="منتدى الاقتصاد التضامني &amp; التعاونيات" property="og:title">
<meta name="description" content="Inscriptions ouvertes jusqu&#8217;au 30 avril.">
<meta property="og:image" content="/images/forum.jpg">
</head><body>…</body></html>`;

let server: Server;
let base: string;
let f: PostsFixture;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/forum') return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    if (request.url === '/old') return response.writeHead(301, { location: '/forum' }).end();
    if (request.url === '/file.pdf') return response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
    if (request.url === '/loop') return response.writeHead(302, { location: '/loop' }).end();
    return response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  f = await createPostsFixture();
});
afterAll(async () => {
  await f.t.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('reading a preview', () => {
  it('takes Open Graph first, then the description, with entities decoded and the image made absolute', () => {
    expect(parseLinkPreview(PAGE, 'https://altermed.example/forum')).toEqual({
      title: 'منتدى الاقتصاد التضامني & التعاونيات',
      description: 'Inscriptions ouvertes jusqu’au 30 avril.',
      imageUrl: 'https://altermed.example/images/forum.jpg',
    });
    expect(parseLinkPreview('<title>Atelier</title>', 'https://a.example/')).toEqual({ title: 'Atelier', description: '', imageUrl: null });
    expect(parseLinkPreview('<p>rien</p>', 'https://a.example/')).toBeNull();
  });

  it('follows a redirect, gives nothing for a file or a redirect loop', async () => {
    const options = { allowPrivateAddresses: true };
    expect((await fetchLinkPreview(`${base}/old`, options))?.imageUrl).toBe(`${base}/images/forum.jpg`);
    expect(await fetchLinkPreview(`${base}/file.pdf`, options)).toBeNull();
    expect(await fetchLinkPreview(`${base}/loop`, options)).toBeNull();
    expect(await fetchLinkPreview(`${base}/missing`, options)).toBeNull();
  });

  it('never reaches a private address from the app: the route answers without a preview', async () => {
    const response = await f.t.request(f.contributor, {
      method: 'POST',
      url: `/api/workspaces/${f.workspaceId}/social/link-preview`,
      payload: { url: `${base.replace(/:\d+$/, '')}/forum` },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().preview).toBeNull();
    expect(await fetchLinkPreview('http://localhost/forum')).toBeNull();
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '192.168.0.10',
      '172.20.0.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '2606:2800:220:1::1']) expect(isPrivateAddress(address), address).toBe(false);
  });

  it('is for members who write', async () => {
    const response = await f.t.request(f.viewer, {
      method: 'POST',
      url: `/api/workspaces/${f.workspaceId}/social/link-preview`,
      payload: { url: 'https://altermed.example/forum' },
    });
    expect(response.statusCode).toBe(403);
  });
});
