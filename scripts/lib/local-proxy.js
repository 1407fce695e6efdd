// The demo trust on one machine: each school answers at <slug>.localhost, and Harbour learns a
// request's address from the proxy in front of it (ORIGIN is one address, so it stays unset). On
// a laptop there is no nginx, so `npm start` puts this small one in front: it passes every
// request on to Harbour with X-Forwarded-Proto: http, as nginx does with https in production.
// Streams (live alerts) pass through as they come.
import http from 'node:http';

/** Listens on `port` and forwards to Harbour on 127.0.0.1:`to`. */
export function localProxy(port, to, log = (l) => console.error(l)) {
	const server = http.createServer((req, res) => {
		const upstream = http.request(
			{
				host: '127.0.0.1',
				port: to,
				method: req.method,
				path: req.url,
				headers: { ...req.headers, 'x-forwarded-proto': 'http' }
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			}
		);
		upstream.on('error', () => {
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
			res.end('Harbour is starting or restarting: try again in a moment.');
		});
		req.pipe(upstream);
		res.on('close', () => upstream.destroy());
	});
	server.on('error', (e) => log(`The local proxy could not listen on port ${port}: ${e.message}`));
	server.listen(port);
	return server;
}
