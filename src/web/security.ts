// What keeps the UI to the people meant to use it: loopback-only Host names, or an access token on every request, and strict browser headers.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpError } from './http-error';

/** The cookie holding the access token once `/?token=…` was opened. */
export const TOKEN_COOKIE = 'ocppct_token';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Whether binding to `host` keeps the UI on this machine (no token needed). */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase());
}

/** A fresh access token: 24 random bytes, URL-safe. */
export function generateToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Headers for every response: no sniffing, no framing, no caching, no referrer (tokens never leak through links). */
export function baseHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}

/** The Content-Security-Policy of the UI's own pages: scripts and styles from the UI only, nothing inline. */
export const UI_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

/**
 * The policy of served HTML reports (they hold SUT text): their own inline scripts run, but they can make no request
 * to the UI's API or any other host (connect-src), submit no form, open no window and frame nothing of the UI.
 * Same origin is kept because the Allure report needs localStorage; the token cookie is HttpOnly.
 */
export const REPORT_CSP = "sandbox allow-scripts allow-same-origin allow-downloads; default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; connect-src data: blob:; frame-src data: blob:; base-uri 'self'; form-action 'none'; object-src 'none'";

/** Refuses requests whose Host header is not a loopback name (DNS rebinding), for a UI bound to loopback without a token. */
export function loopbackHostOnly(): RequestHandler {
  return (req, _res, next) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    next(isLoopback(host) ? undefined : new HttpError(403, 'this UI answers only to 127.0.0.1, localhost or [::1]; start it with --host and a token to reach it by another name'));
  };
}

/**
 * Requires `token` on every request: `Authorization: Bearer <token>`, or the cookie set when a page is opened
 * once with `?token=<token>` (that request is redirected to the same URL without the token). Compared in constant time.
 */
export function requireToken(token: string): RequestHandler {
  const expected = digest(token);
  const matches = (candidate: unknown) => typeof candidate === 'string' && timingSafeEqual(digest(candidate), expected);
  return (req: Request, res: Response, next: NextFunction) => {
    const query = req.query.token;
    if (query !== undefined && req.method === 'GET') {
      if (!matches(query)) return next(new HttpError(401, 'wrong access token in the URL'));
      res.cookie(TOKEN_COOKIE, query, { httpOnly: true, sameSite: 'strict', path: '/' });
      return res.redirect(303, withoutToken(req.originalUrl));
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (matches(bearer) || matches(cookie(req, TOKEN_COOKIE))) return next();
    next(new HttpError(401, 'an access token is required: open the URL that `ocpp-ct ui` printed (it ends in ?token=…), or send Authorization: Bearer <token>'));
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function withoutToken(originalUrl: string): string {
  const url = new URL(originalUrl, 'http://ui.invalid');
  url.searchParams.delete('token');
  // A path starting with // would make the redirect leave this host.
  return `${url.pathname.replace(/^\/+/, '/')}${url.search}`;
}

/** The header the UI's pages send the CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

/** Methods that change nothing, so need neither check. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request (POST, PUT, PATCH, DELETE) that a page of another site could have sent: it must
 * say where it comes from, and that must be this UI: `Origin` equal to the UI's own origin (scheme, host and port of
 * the Host header) and/or `Sec-Fetch-Site: same-origin`. A request with neither header is refused too (scripts can
 * send `Origin`). Then the CSRF token (`X-CSRF-Token`, from GET /api/session) must match.
 */
export function sameOriginWithCsrfToken(csrfToken: string): RequestHandler {
  const expected = digest(csrfToken);
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const own = `http://${(req.headers.host ?? '').toLowerCase()}`;
    if (origin === undefined && site === undefined) return next(new HttpError(403, 'refused: a request that changes something must say where it comes from (Origin or Sec-Fetch-Site); this UI takes them only from its own pages'));
    if (origin !== undefined && origin.toLowerCase() !== own) return next(new HttpError(403, `refused: a request from ${JSON.stringify(origin.slice(0, 200))}, not from this UI (${own})`));
    if (site !== undefined && site !== 'same-origin') return next(new HttpError(403, `refused: a ${JSON.stringify(String(site).slice(0, 50))} request (Sec-Fetch-Site), not one from this UI's own pages`));
    const token = req.headers[CSRF_HEADER];
    if (typeof token !== 'string' || !timingSafeEqual(digest(token), expected)) return next(new HttpError(403, 'refused: missing or wrong CSRF token (X-CSRF-Token from GET /api/session); reload the page'));
    next();
  };
}
