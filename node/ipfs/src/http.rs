//! The node's IPFS HTTP endpoint: a subset of Kubo's RPC API (`/api/v0/…`, POST only, as Kubo
//! serves it, so IPFS client libraries work unchanged) and a read-only gateway
//! (`GET`/`HEAD /ipfs/<cid>[/path]`) with content length, byte ranges and immutable caching.

use std::{convert::Infallible, sync::Arc};

use bytes::Bytes;
use cid::{Cid, Version};
use http_body_util::{BodyExt, Full};
use hyper::{
	body::Incoming,
	header::{self, HeaderValue},
	server::conn::http1,
	service::service_fn,
	Method, Request, Response, StatusCode,
};
use hyper_util::rt::TokioIo;
use serde_json::{json, Value};

use crate::store::{parse_ipfs_path, AddOptions, ContentStore, StoreError};

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
}

type HttpResponse = Response<Full<Bytes>>;

/// Serves the endpoint on `listener` until the node stops.
pub async fn serve(listener: tokio::net::TcpListener, state: Arc<ApiState>) {
	loop {
		let stream = match listener.accept().await {
			Ok((stream, _)) => stream,
			Err(e) => {
				log::warn!(target: "ipfs", "IPFS API accept failed: {e}");
				tokio::time::sleep(std::time::Duration::from_millis(100)).await;
				continue;
			},
		};
		let state = state.clone();
		tokio::spawn(async move {
			let service = service_fn(move |request| {
				let state = state.clone();
				async move { Ok::<_, Infallible>(handle(&state, request).await) }
			});
			if let Err(e) =
				http1::Builder::new().serve_connection(TokioIo::new(stream), service).await
			{
				log::debug!(target: "ipfs", "IPFS API connection ended: {e}");
			}
		});
	}
}

async fn handle(state: &ApiState, request: Request<Incoming>) -> HttpResponse {
	let path = request.uri().path().to_owned();
	if let Some(command) = path.strip_prefix("/api/v0/") {
		if request.method() != Method::POST {
			return error(StatusCode::METHOD_NOT_ALLOWED, "the RPC API takes POST requests");
		}
		let query = Query::parse(request.uri().query());
		return match command {
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
		};
	}
	if path.starts_with("/ipfs/") {
		return match *request.method() {
			Method::GET | Method::HEAD => gateway(state, &request).await,
			_ => error(StatusCode::METHOD_NOT_ALLOWED, "the gateway is read-only"),
		};
	}
	error(StatusCode::NOT_FOUND, "not found: try /api/v0/… or /ipfs/<cid>")
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
		let arg = self.args().next().ok_or_else(|| missing_argument())?;
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
	let (body, pump) = pump_body(request.into_body(), limit);
	let constraints = multer::Constraints::new().size_limit(
		// Room for the multipart framing around a body of the largest size allowed.
		multer::SizeLimit::new().per_field(limit).whole_stream(limit.saturating_add(64 * 1024)),
	);
	let mut multipart = multer::Multipart::with_constraints(body, boundary, constraints);
	let mut lines = Vec::new();
	loop {
		let field = match multipart.next_field().await {
			Ok(Some(field)) => field,
			Ok(None) => break,
			Err(e) => {
				drop(multipart);
				let _ = pump.await;
				return multipart_error(e, limit);
			},
		};
		let name = field.file_name().or(field.name()).map(str::to_owned);
		let content = match field.bytes().await {
			Ok(content) => content,
			Err(e) => {
				drop(multipart);
				let _ = pump.await;
				return multipart_error(e, limit);
			},
		};
		let added = match state.store.add(content, options).await {
			Ok(added) => added,
			Err(e) => return store_error(e),
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
/// client gets the error answer rather than a reset connection.
fn pump_body(
	mut incoming: Incoming,
	limit: u64,
) -> (impl futures::Stream<Item = Result<Bytes, std::io::Error>>, tokio::task::JoinHandle<()>) {
	let (sender, receiver) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(8);
	let pump = tokio::spawn(async move {
		let mut dropped = 0u64;
		while let Some(frame) = incoming.frame().await {
			let data = match frame {
				Ok(frame) => match frame.into_data() {
					Ok(data) => data,
					Err(_) => continue,
				},
				Err(e) => {
					let _ = sender.send(Err(std::io::Error::other(e))).await;
					break;
				},
			};
			if sender.is_closed() || sender.send(Ok(data.clone())).await.is_err() {
				dropped += data.len() as u64;
				if dropped > limit {
					break;
				}
			}
		}
	});
	let stream = futures::stream::unfold(receiver, |mut receiver| async move {
		receiver.recv().await.map(|item| (item, receiver))
	});
	(stream, pump)
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
	match state.store.cat(&cid, &path, state.max_upload).await {
		Ok(content) => {
			let start = (offset as usize).min(content.len());
			let end = length
				.map_or(content.len(), |l| start.saturating_add(l as usize).min(content.len()));
			with_type(Response::new(Full::new(content.slice(start..end))), "text/plain")
		},
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
			.pin(&cid, state.max_upload)
			.await
			.map(|()| json_response(json!({ "Pins": [cid.to_string()] }))),
		_ => store.unpin(&cid).await.map(|()| json_response(json!({ "Pins": [cid.to_string()] }))),
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
	let etag = format!("\"{}\"", decoded.trim_start_matches("/ipfs/").trim_end_matches('/'));
	let headers = request.headers();
	if headers.get(header::IF_NONE_MATCH).is_some_and(|value| value.as_bytes() == etag.as_bytes()) {
		let mut response = Response::new(Full::new(Bytes::new()));
		*response.status_mut() = StatusCode::NOT_MODIFIED;
		set_cache_headers(&mut response, &etag, &decoded);
		return response;
	}
	let content = match state.store.cat(&cid, &path, state.max_upload).await {
		Ok(content) => content,
		Err(e) => return store_error(e),
	};
	let total = content.len() as u64;
	let range = headers
		.get(header::RANGE)
		.and_then(|value| value.to_str().ok())
		.and_then(|value| parse_range(value, total));
	let (status, body) = match range {
		None => (StatusCode::OK, content.clone()),
		Some(Err(())) => {
			let mut response = error(StatusCode::RANGE_NOT_SATISFIABLE, "range not satisfiable");
			response.headers_mut().insert(
				header::CONTENT_RANGE,
				HeaderValue::from_str(&format!("bytes */{total}")).expect("ASCII"),
			);
			return response;
		},
		Some(Ok((start, end))) => {
			(StatusCode::PARTIAL_CONTENT, content.slice(start as usize..=end as usize))
		},
	};
	let length = body.len();
	let head = request.method() == Method::HEAD;
	let mut response = Response::new(Full::new(if head { Bytes::new() } else { body }));
	*response.status_mut() = status;
	set_cache_headers(&mut response, &etag, &decoded);
	let content_type = if std::str::from_utf8(&content).is_ok() {
		"text/plain; charset=utf-8"
	} else {
		"application/octet-stream"
	};
	let headers = response.headers_mut();
	headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
	headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
	headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
	if let Some(Ok((start, end))) = range {
		headers.insert(
			header::CONTENT_RANGE,
			HeaderValue::from_str(&format!("bytes {start}-{end}/{total}")).expect("ASCII"),
		);
	}
	response
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
		StoreError::Backend(_) => StatusCode::INTERNAL_SERVER_ERROR,
	};
	error(status, &e.to_string())
}

#[cfg(test)]
mod tests {
	use super::parse_range;

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
