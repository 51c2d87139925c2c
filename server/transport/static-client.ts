import fs from 'node:fs/promises';
import path from 'node:path';
import type express from 'express';
import { API_PATH } from './json-errors.js';

/**
 * The built dashboard's caching rule: Vite names every file under /assets/ after a hash of its content,
 * so a browser may keep one for a year without asking again; anything else (index.html above all, which
 * names the current hashes) is revalidated on every use, so a deploy is picked up on the next load.
 */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** See {@link IMMUTABLE_CACHE_CONTROL}: stored, but checked with the server (ETag) before each use. */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';

/**
 * The encodings the client build writes beside each compressible file (vite.config.ts `precompress`),
 * in the server's order of preference when the browser accepts both equally.
 */
export const PRECOMPRESSED_ENCODINGS = [
  { coding: 'br', extension: '.br' },
  { coding: 'gzip', extension: '.gz' },
] as const;

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE_PATH = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/;

/** A content coding of {@link PRECOMPRESSED_ENCODINGS}. */
export type PrecompressedCoding = (typeof PRECOMPRESSED_ENCODINGS)[number]['coding'];

/**
 * The precompressed encodings an `Accept-Encoding` header allows, best first (RFC 9110 §12.5.3): each
 * coding's own q-value, else the one of `*`, else not accepted; `q=0` refuses. Ties keep the server's
 * order (brotli is smaller than gzip). Identity is always possible and not listed.
 */
export function acceptedEncodings(header: string | undefined): PrecompressedCoding[] {
  if (!header) return [];
  const quality = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...parameters] = part.trim().split(';');
    const coding = name?.trim().toLowerCase();
    if (!coding) continue;
    let q = 1;
    for (const parameter of parameters) {
      const match = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(parameter);
      if (match) q = Number(match[1]);
    }
    if (Number.isFinite(q)) quality.set(coding, q);
  }
  const qualityOf = (coding: string) => quality.get(coding) ?? quality.get('*') ?? 0;
  return PRECOMPRESSED_ENCODINGS.map(({ coding }) => coding)
    .filter((coding) => qualityOf(coding) > 0)
    .sort((a, b) => qualityOf(b) - qualityOf(a));
}

/**
 * Dashboard pages whose path is also an API prefix of {@link API_PATH}: the Webhooks section lives at
 * /webhooks while Stripe posts to /webhooks/stripe. Only the exact path (and its trailing slash) is the page.
 */
const DASHBOARD_PATHS_UNDER_API = /^\/webhooks\/?$/;

/** True for a path the dashboard never answers: API endpoints get their JSON 404 instead of index.html. */
export function isApiPath(urlPath: string): boolean {
  return API_PATH.test(urlPath) && !DASHBOARD_PATHS_UNDER_API.test(urlPath);
}

/** The Cache-Control of one URL path of the dashboard ({@link IMMUTABLE_CACHE_CONTROL}). */
export function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL;
}

/** True when `file` is a regular file (a missing one, a folder or an unreadable path are not). */
async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built dashboard: each file with its caching rule ({@link cacheControlFor}), a text file as its
 * brotli or gzip sibling when the browser accepts one ({@link acceptedEncodings}), and index.html for every
 * other GET so client-side routes work. A missing /assets/ file is a 404 (an old page asking for a chunk a
 * deploy replaced must not get HTML cached for a year); API paths (/graphql, /auth, /webhooks, /export,
 * /dev…) are left to the JSON 404.
 */
export function serveClient(app: express.Express, clientDir: string): void {
  const root = path.resolve(clientDir);
  const indexFile = path.join(root, 'index.html');

  /** Sends `file` (inside root) for `urlPath`, precompressed when a sibling exists and is accepted. */
  const send = async (request: express.Request, response: express.Response, file: string, urlPath: string) => {
    response.setHeader('Cache-Control', cacheControlFor(urlPath));
    const compressible = COMPRESSIBLE_PATH.test(file);
    if (compressible) {
      // Caches must keep one copy per encoding, even of the identity answer.
      response.vary('Accept-Encoding');
      for (const coding of acceptedEncodings(request.headers['accept-encoding'])) {
        const extension = PRECOMPRESSED_ENCODINGS.find((encoding) => encoding.coding === coding)?.extension;
        if (extension === undefined || !(await isFile(file + extension))) continue;
        // The type of the original file: `send` sets one only when none is set yet.
        response.type(path.extname(file));
        response.setHeader('Content-Encoding', coding);
        return sendFile(response, file + extension);
      }
    }
    return sendFile(response, file);
  };

  app.use((request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (isApiPath(request.path)) return next();
    void (async () => {
      const file = fileInside(root, request.path);
      if (file !== null && (await isFile(file))) return send(request, response, file, request.path);
      if (request.path.startsWith('/assets/')) return next();
      if (await isFile(indexFile)) return send(request, response, indexFile, '/index.html');
      response.status(404).type('text/plain').send('The dashboard is not built: run `npm run build:client` (npm start does it).');
    })().catch(next);
  });
}

/** The file a URL path names inside root, or null for a path that is not a file name or leaves root. */
function fileInside(root: string, urlPath: string): string | null {
  if (urlPath.endsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  // Dot-files (such as Vite's .vite/ manifest folder) are not part of the dashboard.
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative) || relative.split(path.sep).some((part) => part.startsWith('.'))) return null;
  return file;
}

/** `response.sendFile` (ETag, Last-Modified, conditional GET, ranges, HEAD) as a promise. */
function sendFile(response: express.Response, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    response.sendFile(file, { cacheControl: false, dotfiles: 'allow' }, (error) => {
      // A browser that went away mid-file is not an error of ours.
      if (error && !response.headersSent) reject(error);
      else resolve();
    });
  });
}
