import * as http from 'node:http';

/**
 * Passes a request on to `target` unchanged and its answer back: the common part of the proxies
 * tests and benchmarks put in front of the embedded Cosmos DB server. `body` is the request body
 * when the caller has already read it; otherwise the request is streamed through.
 */
export function forward(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  target: URL,
  agent: http.Agent,
  body?: Buffer | string,
): void {
  const upstream = http.request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => req.socket.destroy());
  if (body === undefined) req.pipe(upstream);
  else upstream.end(body);
}
