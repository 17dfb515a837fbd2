//! A `--ipfs-source`: a Kubo RPC endpoint (a Kubo daemon or another Plaza node) the embedded
//! store fetches missing blocks from. A source is not trusted: a block's body is read up to
//! [`MAX_BLOCK`] bytes and an error's body up to [`MAX_ERROR_BODY`], then the connection is
//! dropped, so a source that answers with an endless body costs neither memory nor the rest of
//! the caller's deadline.

use bytes::Bytes;
use cid::Cid;
use http_body_util::{BodyExt, Empty};
use hyper::{body::Incoming, Method, Request, StatusCode, Uri};
use hyper_util::{
	client::legacy::{connect::HttpConnector, Client},
	rt::TokioExecutor,
};

use crate::dag::MAX_BLOCK;

/// The most bytes of a source's error answer that are read (for the log line).
pub const MAX_ERROR_BODY: usize = 1024;

/// A Kubo RPC endpoint blocks are fetched from.
pub struct Source {
	url: String,
	client: Client<HttpConnector, Empty<Bytes>>,
}

impl Source {
	/// A source at `url` (`http://host:port`, the address of its Kubo RPC API).
	pub fn new(url: &str) -> Result<Self, String> {
		let uri: Uri = url.parse().map_err(|e| format!("--ipfs-source {url}: {e}"))?;
		if uri.scheme_str() != Some("http") || uri.host().is_none() {
			return Err(format!("--ipfs-source {url}: expected http://host:port"));
		}
		let client = Client::builder(TokioExecutor::new()).build_http();
		Ok(Self { url: url.trim_end_matches('/').to_owned(), client })
	}

	/// The URL it was given.
	pub fn url(&self) -> &str {
		&self.url
	}

	/// The block `cid` (not yet checked against the CID: the caller does).
	pub async fn block(&self, cid: &Cid) -> Result<Bytes, String> {
		let uri = format!("{}/api/v0/block/get?arg={cid}", self.url);
		let request = Request::builder()
			.method(Method::POST)
			.uri(uri)
			.body(Empty::new())
			.map_err(|e| e.to_string())?;
		let response = self.client.request(request).await.map_err(|e| e.to_string())?;
		let status = response.status();
		let body = response.into_body();
		if status != StatusCode::OK {
			let (message, cut) = read_at_most(body, MAX_ERROR_BODY).await?;
			let message = String::from_utf8_lossy(&message);
			return Err(format!("{status}: {}{}", message.trim(), if cut { "…" } else { "" }));
		}
		match read_at_most(body, MAX_BLOCK).await? {
			(_, true) => Err(format!("a block larger than {MAX_BLOCK} bytes")),
			(block, false) => Ok(block.into()),
		}
	}
}

/// At most `limit` bytes of `body`, and whether there was more (the rest is not read).
async fn read_at_most(mut body: Incoming, limit: usize) -> Result<(Vec<u8>, bool), String> {
	let mut read = Vec::new();
	while let Some(frame) = body.frame().await {
		let frame = frame.map_err(|e| e.to_string())?;
		let Ok(data) = frame.into_data() else { continue };
		if read.len() + data.len() > limit {
			read.extend_from_slice(&data[..limit - read.len()]);
			return Ok((read, true));
		}
		read.extend_from_slice(&data);
	}
	Ok((read, false))
}

#[cfg(test)]
mod tests {
	use std::time::{Duration, Instant};

	use tokio::{
		io::{AsyncReadExt, AsyncWriteExt},
		net::TcpListener,
	};

	use super::*;

	/// A source that answers every request with `head` and then chunks of `chunk` forever.
	async fn endless_source(head: &'static str, chunk: &'static [u8]) -> String {
		let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
		let address = listener.local_addr().unwrap();
		tokio::spawn(async move {
			while let Ok((mut socket, _)) = listener.accept().await {
				tokio::spawn(async move {
					let mut request = [0; 4096];
					let _ = socket.read(&mut request).await;
					socket.write_all(head.as_bytes()).await?;
					let framed =
						[format!("{:x}\r\n", chunk.len()).as_bytes(), chunk, b"\r\n"].concat();
					loop {
						socket.write_all(&framed).await?;
					}
					#[allow(unreachable_code)]
					Ok::<_, std::io::Error>(())
				});
			}
		});
		format!("http://{address}")
	}

	fn some_cid() -> Cid {
		"bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy".parse().unwrap()
	}

	#[tokio::test]
	async fn an_endless_error_body_is_cut_short() {
		let url = endless_source(
			"HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n",
			&[b'x'; 64 * 1024],
		)
		.await;
		let started = Instant::now();
		let error = Source::new(&url).unwrap().block(&some_cid()).await.unwrap_err();
		assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
		assert!(error.starts_with("500 Internal Server Error: xxx"), "{error}");
		assert!(error.len() < MAX_ERROR_BODY + 100, "{} bytes of error", error.len());
	}

	#[tokio::test]
	async fn an_endless_block_is_refused_past_the_block_limit() {
		let url = endless_source(
			"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
			&[0; 64 * 1024],
		)
		.await;
		let error = Source::new(&url).unwrap().block(&some_cid()).await.unwrap_err();
		assert_eq!(error, format!("a block larger than {MAX_BLOCK} bytes"));
	}

	#[test]
	fn a_source_must_be_an_http_address() {
		assert!(Source::new("ftp://example.org").is_err());
		assert!(Source::new("not a url").is_err());
		assert_eq!(Source::new("http://127.0.0.1:5001/").unwrap().url(), "http://127.0.0.1:5001");
	}
}
