//! The node's IPFS HTTP endpoint: a subset of Kubo's RPC API (`/api/v0/…`, POST only, as Kubo
//! serves it, so IPFS client libraries work unchanged) and a read-only gateway
//! (`GET`/`HEAD /ipfs/<cid>[/path]`) with content length, byte ranges and immutable caching.
//!
//! Guards, as Kubo has them: the RPC API refuses calls from web pages of other origins (403), so
//! a page the operator visits cannot add, pin or unpin through the loopback port; origins may be
//! allowed with `--ipfs-api-allow-origin` (they get CORS answers). Against slow and greedy
//! clients: a cap on open connections (more are closed at once), a deadline for each request's
//! headers (which also closes idle connections), for each piece of a body, and for a whole
//! request.

use std::{convert::Infallible, sync::Arc, time::Duration};

use bytes::Bytes;
use cid::{Cid, Version};
use http_body_util::{BodyExt, Full};
use hyper::{
	body::Incoming,
	header::{self, HeaderMap, HeaderValue},
	server::conn::http1,
	service::service_fn,
	Method, Request, Response, StatusCode,
};
use hyper_util::rt::{TokioIo, TokioTimer};
use serde_json::{json, Value};

use crate::{
	car,
	store::{parse_ipfs_path, AddOptions, ContentStore, FileStat, PinOwner, StoreError},
	web::WebApp,
};

/// What the endpoint serves and says about itself.
pub struct ApiState {
	/// The content store behind it.
	pub store: Arc<dyn ContentStore>,
	/// The largest body `add` accepts, in bytes.
	pub max_upload: u64,
	/// The node's libp2p peer id (`/api/v0/id`).
	pub peer_id: String,
	/// The peer's public key, base64 of its protobuf form (`/api/v0/id`).
	pub public_key: String,
	/// Origins whose web pages may call the RPC API (`scheme://host[:port]`, or `*` for any).
	pub allowed_origins: Vec<String>,
	/// Bounds on connections and requests.
	pub limits: Limits,
	/// The web app served at `/app/`, when the node was given one.
	pub web: Option<Arc<WebApp>>,
}

/// How the endpoint bounds what clients may hold.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
	/// Connections served at once; more are closed as soon as they are accepted.
	pub max_connections: usize,
	/// Time allowed for a request's headers, and for an idle connection's next request.
	pub header_timeout: Duration,
	/// Time allowed between two pieces of a request body.
	pub body_idle_timeout: Duration,
	/// Time allowed for a whole request, body included, and its answer.
	pub request_timeout: Duration,
}

impl Default for Limits {
	fn default() -> Self {
		Self {
			max_connections: 256,
			header_timeout: Duration::from_secs(10),
			body_idle_timeout: Duration::from_secs(10),
			request_timeout: Duration::from_secs(120),
		}
	}
}

type HttpResponse = Response<Full<Bytes>>;

/// Serves the endpoint on `listener` until the node stops.
pub async fn serve(listener: tokio::net::TcpListener, state: Arc<ApiState>) {
	let limits = state.limits;
	let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
	loop {
		let stream = match listener.accept().await {
			Ok((stream, _)) => stream,
			Err(e) => {
				log::warn!(target: "ipfs", "IPFS API accept failed: {e}");
				tokio::time::sleep(Duration::from_millis(100)).await;
				continue;
			},
		};
		let Ok(slot) = slots.clone().try_acquire_owned() else {
			log::debug!(target: "ipfs", "IPFS API: {} connections open, closing a new one", limits.max_connections);
			drop(stream);
			continue;
		};
		let state = state.clone();
		tokio::spawn(async move {
			let service = service_fn(move |request| {
				let state = state.clone();
				async move {
					let answer =
						tokio::time::timeout(limits.request_timeout, handle(&state, request));
					Ok::<_, Infallible>(answer.await.unwrap_or_else(|_| {
						error(StatusCode::REQUEST_TIMEOUT, "the request took too long")
					}))
				}
			});
			let connection = http1::Builder::new()
				.timer(TokioTimer::new())
				.header_read_timeout(limits.header_timeout)
				.max_buf_size(64 * 1024)
				.serve_connection(TokioIo::new(stream), service);
			if let Err(e) = connection.await {
				log::debug!(target: "ipfs", "IPFS API connection ended: {e}");
			}
			drop(slot);
		});
	}
}

async fn handle(state: &ApiState, request: Request<Incoming>) -> HttpResponse {
	let path = request.uri().path().to_owned();
	if let Some(command) = path.strip_prefix("/api/v0/") {
		let origin = match allowed_origin(request.headers(), &state.allowed_origins) {
			Ok(origin) => origin,
			Err(refused) => {
				// Read what the page sent, so that its browser gets the answer, not a reset.
				let _ =
					drain(request.into_body(), state.max_upload, state.limits.body_idle_timeout)
						.await;
				return error(
					StatusCode::FORBIDDEN,
					&format!(
						"cross-origin request from {refused} refused: start the node with \
						 --ipfs-api-allow-origin {refused} to allow it"
					),
				);
			},
		};
		let mut response = if request.method() == Method::OPTIONS && origin.is_some() {
			preflight()
		} else {
			api(state, command, request).await
		};
		if let Some(origin) = origin {
			let headers = response.headers_mut();
			headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
			headers.insert(header::VARY, HeaderValue::from_static("Origin"));
		}
		return response;
	}
	if path.starts_with("/ipfs/") {
		let mut response = match *request.method() {
			Method::GET | Method::HEAD => gateway(state, &request).await,
			Method::OPTIONS => preflight(),
			_ => error(StatusCode::METHOD_NOT_ALLOWED, "the gateway is read-only"),
		};
		// Content addressed by its hash is public: any page may read it, as from any gateway.
		response
			.headers_mut()
			.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
		return response;
	}
	match (&state.web, path.as_str()) {
		(Some(_), "/" | "/app") => redirect("/app/"),
		(Some(web), _) if path.starts_with("/app/") => match *request.method() {
			Method::GET | Method::HEAD => web_file(web, &path["/app/".len()..]),
			_ => error(StatusCode::METHOD_NOT_ALLOWED, "the app's files are read-only"),
		},
		(None, "/" | "/app" | "/app/") => error(
			StatusCode::NOT_FOUND,
			"this node serves no web app: start it with --web-dir web/dist (scripts/run-dev.sh does)",
		),
		_ => error(StatusCode::NOT_FOUND, "not found: try /app/, /api/v0/… or /ipfs/<cid>"),
	}
}

/// A redirect to `location` on this endpoint.
fn redirect(location: &'static str) -> HttpResponse {
	let mut response = Response::new(Full::new(Bytes::new()));
	*response.status_mut() = StatusCode::FOUND;
	response.headers_mut().insert(header::LOCATION, HeaderValue::from_static(location));
	response
}

/// What the browser may do with the app's pages: scripts and styles from the app only (and
/// WebAssembly, which the signing code compiles), connections to any node (the RPC is another
/// port), no frames, no plugins.
const APP_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
	style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss: http: https:; \
	object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// A file of the web app, with its caching and security headers.
fn web_file(web: &WebApp, path: &str) -> HttpResponse {
	let Some(file) = web.file(path) else {
		return error(StatusCode::NOT_FOUND, "no such file in the app");
	};
	let mut response = with_type(Response::new(Full::new(file.body)), file.content_type);
	let headers = response.headers_mut();
	headers.insert(
		header::CACHE_CONTROL,
		HeaderValue::from_static(if file.immutable {
			"public, max-age=31536000, immutable"
		} else {
			"no-cache"
		}),
	);
	headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(APP_POLICY));
	headers.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
	headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
	headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
	response
}

/// The origin a browser says a request comes from (its `Origin`, or else its `Referer`'s), if
/// it is allowed; `Ok(None)` without either (curl, IPFS client libraries, server-side code: no
/// web page can send a request without them); `Err` with the origin when it is not allowed.
fn allowed_origin(headers: &HeaderMap, allowed: &[String]) -> Result<Option<HeaderValue>, String> {
	let origin = match (headers.get(header::ORIGIN), headers.get(header::REFERER)) {
		(Some(origin), _) => origin.to_str().unwrap_or("(not text)").to_ascii_lowercase(),
		(None, Some(referer)) => referer_origin(referer.to_str().unwrap_or("(not text)")),
		(None, None) => return Ok(None),
	};
	if allowed.iter().any(|a| a == "*" || *a == origin) {
		Ok(Some(HeaderValue::from_str(&origin).map_err(|_| origin.clone())?))
	} else {
		Err(origin)
	}
}

/// Reads and drops a request body, up to `limit` bytes and while it keeps arriving; whether it
/// stalled (sent nothing for `idle`).
async fn drain(mut body: Incoming, limit: u64, idle: Duration) -> bool {
	let mut read = 0u64;
	loop {
		match tokio::time::timeout(idle, body.frame()).await {
			Ok(Some(Ok(frame))) => {
				read += frame.data_ref().map_or(0, |data| data.len() as u64);
				if read > limit {
					return false;
				}
			},
			Ok(_) => return false,
			Err(_) => return true,
		}
	}
}

/// The `scheme://host[:port]` part of a URL, lower-cased.
fn referer_origin(url: &str) -> String {
	let after_scheme = url.find("://").map_or(0, |i| i + 3);
	let end = url[after_scheme..].find(['/', '?', '#']).map_or(url.len(), |i| after_scheme + i);
	url[..end].to_ascii_lowercase()
}

/// The answer to a CORS preflight from an allowed origin.
fn preflight() -> HttpResponse {
	let mut response = Response::new(Full::new(Bytes::new()));
	let headers = response.headers_mut();
	headers
		.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, HEAD, POST"));
	headers.insert(
		header::ACCESS_CONTROL_ALLOW_HEADERS,
		HeaderValue::from_static("Content-Type, Range, If-None-Match"),
	);
	headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
	response
}

/// An RPC API call, once its origin is allowed.
async fn api(state: &ApiState, command: &str, request: Request<Incoming>) -> HttpResponse {
	if request.method() != Method::POST {
		return error(StatusCode::METHOD_NOT_ALLOWED, "the RPC API takes POST requests");
	}
	let query = Query::parse(request.uri().query());
	match command {
		"add" => add(state, &query, request).await,
		"cat" => cat(state, &query).await,
		"block/get" | "block/stat" | "pin/add" | "pin/rm" => {
			cid_command(state, command, &query).await
		},
		"pin/ls" => pin_ls(state, &query).await,
		"id" => json_response(json!({
			"ID": state.peer_id,
			"PublicKey": state.public_key,
			"Addresses": [],
			"AgentVersion": agent_version(),
			"ProtocolVersion": "ipfs/0.1.0",
		})),
		"version" => json_response(json!({
			"Version": env!("CARGO_PKG_VERSION"),
			"Commit": "",
			"Repo": "plaza",
			"System": format!("{}/{}", std::env::consts::ARCH, std::env::consts::OS),
			"Golang": "",
		})),
		_ => error(StatusCode::NOT_FOUND, &format!("unknown command {command:?}")),
	}
}

fn agent_version() -> String {
	format!("plaza-node/{}", env!("CARGO_PKG_VERSION"))
}

/// The query string's parameters, percent-decoded, in order.
struct Query(Vec<(String, String)>);

impl Query {
	fn parse(query: Option<&str>) -> Self {
		Self(
			form_urlencoded::parse(query.unwrap_or_default().as_bytes())
				.map(|(k, v)| (k.into_owned(), v.into_owned()))
				.collect(),
		)
	}

	fn get(&self, name: &str) -> Option<&str> {
		self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
	}

	fn args(&self) -> impl Iterator<Item = &str> {
		self.0.iter().filter(|(k, _)| k == "arg").map(|(_, v)| v.as_str())
	}

	/// A boolean option as Kubo reads it: `true`/`false`/`1`/`0`, or present without a value.
	fn flag(&self, name: &str, default: bool) -> Result<bool, HttpResponse> {
		match self.get(name) {
			None => Ok(default),
			Some("" | "true" | "1") => Ok(true),
			Some("false" | "0") => Ok(false),
			Some(other) => Err(error(
				StatusCode::BAD_REQUEST,
				&format!("option {name:?} must be true or false, not {other:?}"),
			)),
		}
	}

	/// The `arg` parameter as a CID (an `/ipfs/` path is accepted too, without a path below).
	fn cid_arg(&self) -> Result<Cid, HttpResponse> {
		let arg = self.args().next().ok_or_else(missing_argument)?;
		match parse_ipfs_path(arg) {
			Ok((cid, path)) if path.is_empty() => Ok(cid),
			Ok(_) => Err(error(StatusCode::BAD_REQUEST, "expected a CID, not a path")),
			Err(e) => Err(error(StatusCode::BAD_REQUEST, &e.to_string())),
		}
	}
}

fn missing_argument() -> HttpResponse {
	error(StatusCode::BAD_REQUEST, "argument \"arg\" is required")
}

/// Add options from the query; refuses the ones this node cannot honour.
fn add_options(query: &Query) -> Result<AddOptions, HttpResponse> {
	let cid_version = match query.get("cid-version") {
		None | Some("0") => Version::V0,
		Some("1") => Version::V1,
		Some(other) => {
			return Err(error(StatusCode::BAD_REQUEST, &format!("unknown cid-version {other:?}")))
		},
	};
	let unsupported = |what: &str| Err(error(StatusCode::BAD_REQUEST, what));
	if !matches!(query.get("chunker"), None | Some("size-262144")) {
		return unsupported("only the default chunker (size-262144) is supported");
	}
	if !matches!(query.get("hash"), None | Some("sha2-256")) {
		return unsupported("only sha2-256 is supported");
	}
	if query.flag("trickle", false)? || query.flag("wrap-with-directory", false)? {
		return unsupported("trickle DAGs and wrapping directories are not supported");
	}
	Ok(AddOptions {
		cid_version,
		raw_leaves: query.flag("raw-leaves", cid_version == Version::V1)?,
		only_hash: query.flag("only-hash", false)?,
		pin: query.flag("pin", true)?,
	})
}

async fn add(state: &ApiState, query: &Query, request: Request<Incoming>) -> HttpResponse {
	let options = match add_options(query) {
		Ok(options) => options,
		Err(response) => return response,
	};
	let boundary = match request
		.headers()
		.get(header::CONTENT_TYPE)
		.and_then(|value| value.to_str().ok())
		.map(multer::parse_boundary)
	{
		Some(Ok(boundary)) => boundary,
		_ => return error(StatusCode::BAD_REQUEST, "add takes a multipart/form-data body"),
	};
	let limit = state.max_upload;
	let idle = state.limits.body_idle_timeout;
	let (body, pump) = pump_body(request.into_body(), limit, idle);
	let constraints = multer::Constraints::new().size_limit(
		// Room for the multipart framing around a body of the largest size allowed.
		multer::SizeLimit::new().per_field(limit).whole_stream(limit.saturating_add(64 * 1024)),
	);
	let mut multipart = multer::Multipart::with_constraints(body, boundary, constraints);
	let mut lines = Vec::new();
	loop {
		let mut field = match multipart.next_field().await {
			Ok(Some(field)) => field,
			Ok(None) => break,
			Err(e) => return refused_upload(e, multipart, pump, limit, idle).await,
		};
		let name = field.file_name().or(field.name()).map(str::to_owned);
		// The field's pieces go to the store as they arrive (the embedded store hashes and
		// writes them in batches), through a small channel.
		let (pieces, received) = tokio::sync::mpsc::channel::<Result<Bytes, StoreError>>(4);
		let upload = {
			let field = &mut field;
			async move {
				while let Some(piece) = field.chunk().await.transpose() {
					match piece {
						// Closed: the store stopped reading, and says why.
						Ok(piece) => {
							if pieces.send(Ok(piece)).await.is_err() {
								return Ok(());
							}
						},
						Err(e) => {
							let cut = format!("the upload was cut short: {e}");
							let _ = pieces.send(Err(StoreError::Backend(cut))).await;
							return Err(e);
						},
					}
				}
				Ok(())
			}
		};
		let stream = futures::stream::unfold(received, |mut received| async move {
			received.recv().await.map(|piece| (piece, received))
		});
		let (uploaded, added) =
			futures::join!(upload, state.store.add_stream(Box::pin(stream), options));
		if let Err(e) = uploaded {
			drop(field);
			return refused_upload(e, multipart, pump, limit, idle).await;
		}
		let added = match added {
			Ok(added) => added,
			Err(e) => {
				// The store stopped reading (too large, or it failed): the rest of the body is
				// drained so that the client gets this answer, not a reset connection.
				drop(field);
				drop(multipart);
				let _ = pump.await;
				return store_error(e);
			},
		};
		let cid = added.cid.to_string();
		lines.push(json!({
			"Name": name.filter(|n| !n.is_empty()).unwrap_or_else(|| cid.clone()),
			"Hash": cid,
			"Size": added.dag_size.to_string(),
		}));
	}
	if lines.is_empty() {
		return error(StatusCode::BAD_REQUEST, "the request has no file");
	}
	// Kubo streams one JSON object per line.
	let mut body = String::new();
	for line in lines {
		body.push_str(&line.to_string());
		body.push('\n');
	}
	with_type(Response::new(Full::new(body.into())), "application/json")
}

/// Feeds the request body to the multipart parser through a channel. Once the parser stops early
/// (a refused upload), the rest of the body is read and dropped, up to `limit` more bytes, so the
/// client gets the error answer rather than a reset connection. A body that sends nothing for
/// `idle` is cut off: the pump then returns `true`.
fn pump_body(
	mut incoming: Incoming,
	limit: u64,
	idle: Duration,
) -> (impl futures::Stream<Item = Result<Bytes, std::io::Error>>, tokio::task::JoinHandle<bool>) {
	let (sender, receiver) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(8);
	let pump = tokio::spawn(async move {
		loop {
			let frame = match tokio::time::timeout(idle, incoming.frame()).await {
				Ok(Some(frame)) => frame,
				Ok(None) => return false,
				Err(_) => {
					let stalled = std::io::Error::new(std::io::ErrorKind::TimedOut, "stalled");
					let _ = sender.send(Err(stalled)).await;
					return true;
				},
			};
			let data = match frame {
				Ok(frame) => match frame.into_data() {
					Ok(data) => data,
					Err(_) => continue,
				},
				Err(e) => {
					let _ = sender.send(Err(std::io::Error::other(e))).await;
					return false;
				},
			};
			if sender.send(Ok(data)).await.is_err() {
				return drain(incoming, limit, idle).await;
			}
		}
	});
	let stream = futures::stream::unfold(receiver, |mut receiver| async move {
		receiver.recv().await.map(|item| (item, receiver))
	});
	(stream, pump)
}

/// The answer to an upload the parser gave up on, once the rest of its body is drained.
async fn refused_upload(
	e: multer::Error,
	multipart: multer::Multipart<'_>,
	pump: tokio::task::JoinHandle<bool>,
	limit: u64,
	idle: Duration,
) -> HttpResponse {
	drop(multipart);
	if pump.await.unwrap_or(false) {
		let seconds = idle.as_secs();
		return error(
			StatusCode::REQUEST_TIMEOUT,
			&format!("the body sent nothing for {seconds} s"),
		);
	}
	multipart_error(e, limit)
}

fn multipart_error(e: multer::Error, limit: u64) -> HttpResponse {
	match e {
		multer::Error::FieldSizeExceeded { .. } | multer::Error::StreamSizeExceeded { .. } => {
			error(
				StatusCode::PAYLOAD_TOO_LARGE,
				&format!("the upload is larger than the {limit}-byte limit"),
			)
		},
		other => error(StatusCode::BAD_REQUEST, &format!("malformed multipart body: {other}")),
	}
}

async fn cat(state: &ApiState, query: &Query) -> HttpResponse {
	let Some(arg) = query.args().next() else {
		return missing_argument();
	};
	let (cid, path) = match parse_ipfs_path(arg) {
		Ok(parsed) => parsed,
		Err(e) => return error(StatusCode::BAD_REQUEST, &e.to_string()),
	};
	let parse_number = |name: &str| match query.get(name).map(str::parse::<u64>) {
		None => Ok(None),
		Some(Ok(n)) => Ok(Some(n)),
		Some(Err(_)) => {
			Err(error(StatusCode::BAD_REQUEST, &format!("{name} must be a non-negative integer")))
		},
	};
	let (offset, length) = match (parse_number("offset"), parse_number("length")) {
		(Ok(offset), Ok(length)) => (offset.unwrap_or(0), length),
		(Err(response), _) | (_, Err(response)) => return response,
	};
	if offset == 0 && length.is_none() {
		return match state.store.cat(&cid, &path, state.max_upload).await {
			Ok(content) => with_type(Response::new(Full::new(content)), "text/plain"),
			Err(e) => store_error(e),
		};
	}
	// Only the blocks that hold the bytes asked for are read.
	let file = match servable_file(state, &cid, &path).await {
		Ok(file) => file,
		Err(response) => return response,
	};
	let end = length.map_or(file.size, |length| offset.saturating_add(length));
	match state.store.cat_range(&file.cid, offset..end, state.max_upload).await {
		Ok(content) => with_type(Response::new(Full::new(content)), "text/plain"),
		Err(e) => store_error(e),
	}
}

/// The commands that take one CID: `block/get`, `block/stat`, `pin/add` and `pin/rm`.
async fn cid_command(state: &ApiState, command: &str, query: &Query) -> HttpResponse {
	let cid = match query.cid_arg() {
		Ok(cid) => cid,
		Err(response) => return response,
	};
	let store = &state.store;
	let answer = match command {
		"block/get" => store
			.block(&cid)
			.await
			.map(|block| with_type(Response::new(Full::new(block)), "application/octet-stream")),
		"block/stat" => store
			.block(&cid)
			.await
			.map(|block| json_response(json!({ "Key": cid.to_string(), "Size": block.len() }))),
		"pin/add" => store
			.pin(&cid, state.max_upload, PinOwner::User)
			.await
			.map(|_| json_response(json!({ "Pins": [cid.to_string()] }))),
		_ => store
			.unpin(&cid, PinOwner::User)
			.await
			.map(|()| json_response(json!({ "Pins": [cid.to_string()] }))),
	};
	answer.unwrap_or_else(store_error)
}

async fn pin_ls(state: &ApiState, query: &Query) -> HttpResponse {
	if !matches!(query.get("type"), None | Some("all" | "recursive")) {
		return error(StatusCode::BAD_REQUEST, "this node keeps recursive pins only");
	}
	let pins = match state.store.pins().await {
		Ok(pins) => pins,
		Err(e) => return store_error(e),
	};
	let wanted = match query.args().next().map(parse_ipfs_path) {
		None => None,
		Some(Ok((cid, path))) if path.is_empty() => Some(cid),
		Some(Ok(_)) => return error(StatusCode::BAD_REQUEST, "expected a CID, not a path"),
		Some(Err(e)) => return error(StatusCode::BAD_REQUEST, &e.to_string()),
	};
	if let Some(cid) = wanted {
		if !pins.contains(&cid) {
			return store_error(StoreError::NotPinned(cid));
		}
	}
	let keys: serde_json::Map<String, Value> = pins
		.into_iter()
		.filter(|cid| wanted.is_none_or(|w| w == *cid))
		.map(|cid| (cid.to_string(), json!({ "Type": "recursive" })))
		.collect();
	json_response(json!({ "Keys": keys }))
}

/// `GET`/`HEAD /ipfs/<cid>[/path]`.
async fn gateway(state: &ApiState, request: &Request<Incoming>) -> HttpResponse {
	let raw_path = request.uri().path();
	let decoded = match percent_encoding::percent_decode_str(raw_path).decode_utf8() {
		Ok(decoded) => decoded,
		Err(_) => return error(StatusCode::BAD_REQUEST, "the path is not UTF-8"),
	};
	let (cid, path) = match parse_ipfs_path(&decoded) {
		Ok(parsed) => parsed,
		Err(e) => return error(StatusCode::BAD_REQUEST, &e.to_string()),
	};
	match verifiable_format(request) {
		Ok(Some(format)) => return verifiable(state, request, &cid, &path, format).await,
		Ok(None) => {},
		Err(response) => return response,
	}
	let etag = format!("\"{}\"", decoded.trim_start_matches("/ipfs/").trim_end_matches('/'));
	let headers = request.headers();
	if headers.get(header::IF_NONE_MATCH).is_some_and(|value| value.as_bytes() == etag.as_bytes()) {
		let mut response = Response::new(Full::new(Bytes::new()));
		*response.status_mut() = StatusCode::NOT_MODIFIED;
		set_cache_headers(&mut response, &etag, &decoded);
		return response;
	}
	let head = request.method() == Method::HEAD;
	if !head && !headers.contains_key(header::RANGE) {
		// The whole file: one walk, no separate look at its root.
		return match state.store.cat(&cid, &path, state.max_upload).await {
			Ok(content) => {
				let (total, text) = (content.len() as u64, looks_like_text(sniff(&content)));
				file_response(StatusCode::OK, content, total, text, None, &etag, &decoded)
			},
			Err(e) => store_error(e),
		};
	}
	let file = match servable_file(state, &cid, &path).await {
		Ok(file) => file,
		Err(response) => return response,
	};
	let total = file.size;
	let range = headers
		.get(header::RANGE)
		.and_then(|value| value.to_str().ok())
		.and_then(|value| parse_range(value, total));
	let wanted = match range {
		None => 0..total,
		Some(Err(())) => {
			let mut response = error(StatusCode::RANGE_NOT_SATISFIABLE, "range not satisfiable");
			response.headers_mut().insert(
				header::CONTENT_RANGE,
				HeaderValue::from_str(&format!("bytes */{total}")).expect("ASCII"),
			);
			return response;
		},
		Some(Ok((start, end))) => start..end + 1,
	};
	// HEAD reads only the first bytes, for the content type; a range only its own bytes.
	let sniffed = 0..total.min(SNIFF_BYTES);
	let read = if head { sniffed.clone() } else { wanted.clone() };
	let body = match state.store.cat_range(&file.cid, read.clone(), state.max_upload).await {
		Ok(body) => body,
		Err(e) => return store_error(e),
	};
	let text = if read.start == 0 {
		looks_like_text(sniff(&body))
	} else {
		match state.store.cat_range(&file.cid, sniffed, state.max_upload).await {
			Ok(first) => looks_like_text(&first),
			Err(e) => return store_error(e),
		}
	};
	let status = if range.is_some() { StatusCode::PARTIAL_CONTENT } else { StatusCode::OK };
	let body = if head { Bytes::new() } else { body };
	let range = range.and_then(Result::ok);
	let mut response = file_response(status, body, total, text, range, &etag, &decoded);
	if head {
		// A HEAD answers the length a GET would send.
		let length = wanted.end - wanted.start;
		response.headers_mut().insert(header::CONTENT_LENGTH, HeaderValue::from(length));
	}
	response
}

/// The trustless gateway's answers, which a client checks against the CID itself.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Verifiable {
	/// The block's own bytes (`application/vnd.ipld.raw`).
	Raw,
	/// The DAG as a CAR v1 file (`application/vnd.ipld.car`).
	Car,
}

const RAW_TYPE: &str = "application/vnd.ipld.raw";

/// The format asked for with `?format=raw|car` or an `Accept` of its media type; `None` for a
/// file.
fn verifiable_format(request: &Request<Incoming>) -> Result<Option<Verifiable>, HttpResponse> {
	match Query::parse(request.uri().query()).get("format") {
		Some("raw") => return Ok(Some(Verifiable::Raw)),
		Some("car") => return Ok(Some(Verifiable::Car)),
		Some(other) => {
			let message = format!("format={other} is not served: use format=raw or format=car");
			return Err(error(StatusCode::BAD_REQUEST, &message));
		},
		None => {},
	}
	let accept = request.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok());
	Ok(match accept {
		Some(accept) if accept.contains(RAW_TYPE) => Some(Verifiable::Raw),
		Some(accept) if accept.contains("application/vnd.ipld.car") => Some(Verifiable::Car),
		_ => None,
	})
}

/// `GET`/`HEAD /ipfs/<cid>?format=raw|car`: the block, or the DAG under it as a CAR file, at
/// most the content limit's worth.
async fn verifiable(
	state: &ApiState,
	request: &Request<Incoming>,
	cid: &Cid,
	path: &[String],
	format: Verifiable,
) -> HttpResponse {
	if !path.is_empty() {
		let message = "format=raw and format=car take /ipfs/<cid> without a path below it";
		return error(StatusCode::BAD_REQUEST, message);
	}
	let (body, content_type, suffix) = match format {
		Verifiable::Raw => (state.store.block(cid).await, RAW_TYPE, "raw"),
		Verifiable::Car => {
			(car::car(&*state.store, cid, state.max_upload).await, car::CAR_TYPE, "car")
		},
	};
	let body = match body {
		Ok(body) => body,
		Err(e) => return store_error(e),
	};
	let length = body.len();
	let body = if request.method() == Method::HEAD { Bytes::new() } else { body };
	let mut response = with_type(Response::new(Full::new(body)), content_type);
	set_cache_headers(&mut response, &format!("\"{cid}.{suffix}\""), &format!("/ipfs/{cid}"));
	let headers = response.headers_mut();
	headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
	headers.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
	headers.insert(header::VARY, HeaderValue::from_static("Accept"));
	response
}

/// A file's answer: `body` is the whole file of `total` bytes, or the inclusive `range` of it.
fn file_response(
	status: StatusCode,
	body: Bytes,
	total: u64,
	text: bool,
	range: Option<(u64, u64)>,
	etag: &str,
	path: &str,
) -> HttpResponse {
	let length = body.len();
	let mut response = Response::new(Full::new(body));
	*response.status_mut() = status;
	set_cache_headers(&mut response, etag, path);
	let content_type = if text { "text/plain; charset=utf-8" } else { "application/octet-stream" };
	let headers = response.headers_mut();
	headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
	headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
	headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
	if let Some((start, end)) = range {
		headers.insert(
			header::CONTENT_RANGE,
			HeaderValue::from_str(&format!("bytes {start}-{end}/{total}")).expect("ASCII"),
		);
	}
	response
}

/// The first bytes of `content` that decide its type.
fn sniff(content: &[u8]) -> &[u8] {
	&content[..content.len().min(SNIFF_BYTES as usize)]
}

/// The file at `cid`/`path`, if the node serves files of its declared size; else the error
/// answer.
async fn servable_file(
	state: &ApiState,
	cid: &Cid,
	path: &[String],
) -> Result<FileStat, HttpResponse> {
	match state.store.stat(cid, path).await {
		Ok(file) if file.size > state.max_upload => {
			Err(store_error(StoreError::TooLarge { limit: state.max_upload }))
		},
		Ok(file) => Ok(file),
		Err(e) => Err(store_error(e)),
	}
}

/// How many of a file's first bytes decide its content type.
const SNIFF_BYTES: u64 = 512;

/// Whether a file's first bytes are UTF-8 text (a character cut at the end counts as text).
fn looks_like_text(first: &[u8]) -> bool {
	match std::str::from_utf8(first) {
		Ok(_) => true,
		Err(e) => e.error_len().is_none(),
	}
}

fn set_cache_headers(response: &mut HttpResponse, etag: &str, path: &str) {
	let headers = response.headers_mut();
	// Content addressed by its hash never changes.
	headers.insert(
		header::CACHE_CONTROL,
		HeaderValue::from_static("public, max-age=29030400, immutable"),
	);
	if let Ok(etag) = HeaderValue::from_str(etag) {
		headers.insert(header::ETAG, etag);
	}
	if let Ok(path) = HeaderValue::from_str(path) {
		headers.insert("x-ipfs-path", path);
	}
}

/// A single `bytes=` range as inclusive `(start, end)`; `None` when the header is not one
/// (ignored, as RFC 9110 allows); `Some(Err(()))` when it cannot be satisfied.
fn parse_range(header: &str, total: u64) -> Option<Result<(u64, u64), ()>> {
	let spec = header.trim().strip_prefix("bytes=")?;
	if spec.contains(',') {
		return None;
	}
	let (start, end) = spec.split_once('-')?;
	let (start, end) = match (start.trim(), end.trim()) {
		("", "") => return None,
		("", suffix) => {
			let suffix: u64 = suffix.parse().ok()?;
			if suffix == 0 || total == 0 {
				return Some(Err(()));
			}
			(total.saturating_sub(suffix), total - 1)
		},
		(start, "") => (start.parse().ok()?, total.saturating_sub(1)),
		(start, end) => {
			let (start, end): (u64, u64) = (start.parse().ok()?, end.parse().ok()?);
			if end < start {
				return None;
			}
			(start, end.min(total.saturating_sub(1)))
		},
	};
	if start >= total {
		return Some(Err(()));
	}
	Some(Ok((start, end)))
}

fn json_response(value: Value) -> HttpResponse {
	with_type(Response::new(Full::new(value.to_string().into())), "application/json")
}

fn with_type(mut response: HttpResponse, content_type: &'static str) -> HttpResponse {
	response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
	response
}

/// An error as Kubo writes one: `{"Message", "Code", "Type"}`.
fn error(status: StatusCode, message: &str) -> HttpResponse {
	let mut response = json_response(json!({ "Message": message, "Code": 0, "Type": "error" }));
	*response.status_mut() = status;
	response
}

fn store_error(e: StoreError) -> HttpResponse {
	let status = match e {
		StoreError::NotFound(_) | StoreError::NoSuchLink { .. } => StatusCode::NOT_FOUND,
		StoreError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
		StoreError::Unreadable(..) | StoreError::NotPinned(_) => StatusCode::BAD_REQUEST,
		StoreError::TimedOut(_) => StatusCode::GATEWAY_TIMEOUT,
		StoreError::PinnedByChain(_) => StatusCode::CONFLICT,
		StoreError::Backend(_) => StatusCode::INTERNAL_SERVER_ERROR,
	};
	error(status, &e.to_string())
}

#[cfg(test)]
mod tests {
	use std::net::SocketAddr;

	use tokio::{
		io::{AsyncReadExt, AsyncWriteExt},
		net::TcpStream,
	};

	use super::*;
	use crate::{db, embedded::EmbeddedStore};

	/// Serves the endpoint over an empty embedded store on a free port.
	async fn endpoint(allowed: &[&str], limits: Limits) -> (tempfile::TempDir, SocketAddr) {
		endpoint_serving(allowed, limits, None).await
	}

	/// [`endpoint`], serving `web` at `/app/`.
	async fn endpoint_serving(
		allowed: &[&str],
		limits: Limits,
		web: Option<WebApp>,
	) -> (tempfile::TempDir, SocketAddr) {
		let dir = tempfile::tempdir().unwrap();
		let db = db::open(dir.path()).unwrap();
		let store = EmbeddedStore::new(db, &[], Duration::from_secs(5), 1 << 20).unwrap();
		let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
		let address = listener.local_addr().unwrap();
		let state = ApiState {
			store: Arc::new(store),
			max_upload: 1 << 20,
			peer_id: String::new(),
			public_key: String::new(),
			allowed_origins: allowed.iter().map(|o| o.to_string()).collect(),
			limits,
			web: web.map(Arc::new),
		};
		tokio::spawn(serve(listener, Arc::new(state)));
		(dir, address)
	}

	/// Sends `head` (request line and headers, without the blank line) and `body`, and returns
	/// the answer's status, headers and body.
	async fn send(address: SocketAddr, head: &str, body: &str) -> (u16, String, String) {
		let mut stream = TcpStream::connect(address).await.unwrap();
		let request = format!(
			"{head}\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
			body.len()
		);
		stream.write_all(request.as_bytes()).await.unwrap();
		let mut answer = String::new();
		stream.read_to_string(&mut answer).await.unwrap();
		let (headers, body) = answer.split_once("\r\n\r\n").unwrap();
		let status = headers[9..12].parse().unwrap();
		(status, headers.to_ascii_lowercase(), body.to_owned())
	}

	#[tokio::test]
	async fn the_app_is_served_read_only_and_nothing_outside_its_build() {
		let build = tempfile::tempdir().unwrap();
		std::fs::write(build.path().join("index.html"), "<title>Plaza</title>").unwrap();
		let web = WebApp::load(build.path(), 9944).unwrap();
		let (_dir, address) = endpoint_serving(&[], Limits::default(), Some(web)).await;

		let (status, headers, _) = send(address, "GET / HTTP/1.1", "").await;
		assert_eq!(status, 302);
		assert!(headers.contains("location: /app/"), "{headers}");
		let (status, headers, body) = send(address, "GET /app/ HTTP/1.1", "").await;
		assert_eq!((status, body.as_str()), (200, "<title>Plaza</title>"));
		assert!(headers.contains("content-security-policy: default-src 'self'"), "{headers}");
		assert!(headers.contains("x-frame-options: deny"), "{headers}");
		let (status, _, body) = send(address, "GET /app/config.json HTTP/1.1", "").await;
		assert_eq!((status, body.as_str()), (200, r#"{"rpcPort":9944}"#));
		for hostile in [
			"/app/../../etc/passwd",
			"/app/%2e%2e/etc/passwd",
			"/app//etc/passwd",
			"/app/index.html/",
		] {
			let (status, _, _) = send(address, &format!("GET {hostile} HTTP/1.1"), "").await;
			assert_eq!(status, 404, "{hostile}");
		}
		let (status, _, _) =
			send(address, "PUT /app/index.html HTTP/1.1", "<script>x</script>").await;
		assert_eq!(status, 405);
		let (_, _, body) = send(address, "GET /app/index.html HTTP/1.1", "").await;
		assert_eq!(body, "<title>Plaza</title>", "a write changed the app");
	}

	/// Whether the server closes `stream` within `within`.
	async fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
		let mut buffer = [0u8; 1024];
		loop {
			match tokio::time::timeout(within, stream.read(&mut buffer)).await {
				Ok(Ok(0) | Err(_)) => return true,
				Ok(Ok(_)) => continue,
				Err(_) => return false,
			}
		}
	}

	const OWN: &str = "http://127.0.0.1:5101";
	const APP: &str = "https://app.plaza.example";
	const EVIL: &str = "https://evil.example";

	#[tokio::test]
	async fn api_calls_from_other_origins_are_refused() {
		let (_dir, address) = endpoint(&[OWN, APP], Limits::default()).await;
		let add = "POST /api/v0/add HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=B";
		let file = "--B\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nhello\r\n--B--\r\n";
		// A page of another site posts a form to the loopback port: nothing is added.
		let (status, _, body) = send(address, &format!("{add}\r\nOrigin: {EVIL}"), file).await;
		assert_eq!(status, 403, "{body}");
		assert!(body.contains("--ipfs-api-allow-origin https://evil.example"), "{body}");
		let referer = format!("POST /api/v0/pin/rm?arg=x HTTP/1.1\r\nReferer: {EVIL}/a/page?q=1");
		assert_eq!(send(address, &referer, "").await.0, 403);
		let preflight = format!("OPTIONS /api/v0/add HTTP/1.1\r\nOrigin: {EVIL}");
		assert_eq!(send(address, &preflight, "").await.0, 403);
		let ls = "POST /api/v0/pin/ls HTTP/1.1";
		let (status, _, body) = send(address, ls, "").await;
		assert_eq!((status, body.as_str()), (200, "{\"Keys\":{}}"), "the add above stored nothing");

		// Its own origin, an allowed one, and clients that are not web pages may.
		for origin in [OWN, APP] {
			let (status, headers, _) =
				send(address, &format!("{ls}\r\nOrigin: {origin}"), "").await;
			assert_eq!(status, 200);
			assert!(headers.contains(&format!("access-control-allow-origin: {origin}")));
		}
		let (status, headers, _) =
			send(address, &format!("OPTIONS /api/v0/add HTTP/1.1\r\nOrigin: {APP}"), "").await;
		assert_eq!(status, 200);
		assert!(headers.contains("access-control-allow-methods: get, head, post"), "{headers}");
		assert_eq!(send(address, add, file).await.0, 200);

		// The gateway serves anyone: content addressed by hash is public.
		let hello = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
		let get = format!("GET /ipfs/{hello} HTTP/1.1\r\nOrigin: {EVIL}");
		let (status, headers, _) = send(address, &get, "").await;
		assert_eq!(status, 404);
		assert!(headers.contains("access-control-allow-origin: *"));
	}

	#[tokio::test]
	async fn slow_and_greedy_clients_are_cut_off() {
		let limits = Limits {
			max_connections: 4,
			header_timeout: Duration::from_millis(300),
			body_idle_timeout: Duration::from_millis(300),
			request_timeout: Duration::from_secs(5),
		};
		let (_dir, address) = endpoint(&[], limits).await;
		// Four sockets that dribble half a request line take every slot...
		let mut dribblers = Vec::new();
		for _ in 0..4 {
			let mut stream = TcpStream::connect(address).await.unwrap();
			stream.write_all(b"POST /api/v0/ver").await.unwrap();
			dribblers.push(stream);
		}
		tokio::time::sleep(Duration::from_millis(50)).await;
		// ...so a fifth is closed at once, not queued.
		let mut fifth = TcpStream::connect(address).await.unwrap();
		assert!(closed_within(&mut fifth, Duration::from_millis(200)).await);
		// The header deadline closes the dribblers and frees the slots.
		for stream in &mut dribblers {
			assert!(closed_within(stream, Duration::from_secs(2)).await);
		}
		let (status, _, body) = send(address, "POST /api/v0/version HTTP/1.1", "").await;
		assert_eq!(status, 200, "{body}");

		// An idle keep-alive connection is closed by the same deadline.
		let mut idle = TcpStream::connect(address).await.unwrap();
		idle.write_all(b"POST /api/v0/version HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
		let mut buffer = [0u8; 4096];
		assert!(idle.read(&mut buffer).await.unwrap() > 0);
		assert!(closed_within(&mut idle, Duration::from_secs(2)).await);

		// A body that stops arriving is answered 408.
		let mut stalled = TcpStream::connect(address).await.unwrap();
		let head = "POST /api/v0/add HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; \
		            boundary=B\r\nContent-Length: 1000\r\n\r\n--B\r\n";
		stalled.write_all(head.as_bytes()).await.unwrap();
		let mut answer = String::new();
		let read =
			tokio::time::timeout(Duration::from_secs(3), stalled.read_to_string(&mut answer));
		let _ = read.await.expect("answered in time");
		assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
	}

	#[test]
	fn ranges() {
		assert_eq!(parse_range("bytes=0-9", 100), Some(Ok((0, 9))));
		assert_eq!(parse_range("bytes=90-", 100), Some(Ok((90, 99))));
		assert_eq!(parse_range("bytes=-10", 100), Some(Ok((90, 99))));
		assert_eq!(parse_range("bytes=50-500", 100), Some(Ok((50, 99))));
		assert_eq!(parse_range("bytes=100-", 100), Some(Err(())));
		assert_eq!(parse_range("bytes=-0", 100), Some(Err(())));
		assert_eq!(parse_range("bytes=0-1,5-6", 100), None);
		assert_eq!(parse_range("bytes=9-1", 100), None);
		assert_eq!(parse_range("items=0-1", 100), None);
	}
}
