//! The Plaza web app, served by the IPFS HTTP endpoint at `/app/`: the files of its build
//! (`web/dist`), read into memory once at start, and `config.json`, which tells the app the
//! node's RPC port. Requests never touch the disk, so no path a client sends can reach a file
//! outside the build.

use std::{
	collections::HashMap,
	path::{Path, PathBuf},
};

use bytes::Bytes;

/// The most files a build may hold.
const MAX_FILES: usize = 512;
/// The most bytes all its files may hold.
const MAX_TOTAL_BYTES: u64 = 32 * 1024 * 1024;
/// The deepest folder nesting read.
const MAX_DEPTH: usize = 8;

/// One file of the app.
#[derive(Clone, Debug)]
pub struct WebFile {
	/// Its bytes.
	pub body: Bytes,
	/// Its media type, from its extension.
	pub content_type: &'static str,
	/// Whether its name carries a hash of its content (Vite's `assets/`): cached for good.
	pub immutable: bool,
}

/// The app's files by path below `/app/` (`index.html`, `assets/index-….js`, …).
#[derive(Debug)]
pub struct WebApp {
	files: HashMap<String, WebFile>,
	config: Bytes,
}

impl WebApp {
	/// Reads the build in `dir`; tells the app that the node's RPC listens on `rpc_port`.
	pub fn load(dir: &Path, rpc_port: u16) -> Result<Self, String> {
		let mut files = HashMap::new();
		let mut total = 0u64;
		read_dir(dir, dir, 0, &mut files, &mut total)
			.map_err(|e| format!("--web-dir {}: {e}", dir.display()))?;
		if !files.contains_key("index.html") {
			return Err(format!(
				"--web-dir {}: no index.html (build the app with `npm run build` in web/)",
				dir.display()
			));
		}
		let config = serde_json::json!({ "rpcPort": rpc_port }).to_string();
		Ok(Self { files, config: Bytes::from(config) })
	}

	/// The file at `path` (below `/app/`; empty names `index.html`).
	pub fn file(&self, path: &str) -> Option<WebFile> {
		let path = if path.is_empty() { "index.html" } else { path };
		if path == "config.json" {
			return Some(WebFile {
				body: self.config.clone(),
				content_type: "application/json",
				immutable: false,
			});
		}
		self.files.get(path).cloned()
	}
}

fn read_dir(
	root: &Path,
	dir: &Path,
	depth: usize,
	files: &mut HashMap<String, WebFile>,
	total: &mut u64,
) -> Result<(), String> {
	if depth > MAX_DEPTH {
		return Err(format!("folders nest deeper than {MAX_DEPTH}"));
	}
	let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
	for entry in entries {
		let entry = entry.map_err(|e| e.to_string())?;
		let path: PathBuf = entry.path();
		// Links are not followed: only what the build itself holds is served.
		let kind = entry.file_type().map_err(|e| e.to_string())?;
		if kind.is_dir() {
			read_dir(root, &path, depth + 1, files, total)?;
			continue;
		}
		if !kind.is_file() {
			continue;
		}
		if files.len() == MAX_FILES {
			return Err(format!("more than {MAX_FILES} files"));
		}
		let body = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
		*total += body.len() as u64;
		if *total > MAX_TOTAL_BYTES {
			return Err(format!("more than {MAX_TOTAL_BYTES} bytes"));
		}
		let relative = path.strip_prefix(root).map_err(|e| e.to_string())?;
		let Some(name) = relative.to_str().map(|s| s.replace('\\', "/")) else { continue };
		let immutable = name.starts_with("assets/");
		files.insert(
			name,
			WebFile { body: body.into(), content_type: media_type(&path), immutable },
		);
	}
	Ok(())
}

/// The media type of a file of the build, by extension.
fn media_type(path: &Path) -> &'static str {
	match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
		"html" => "text/html; charset=utf-8",
		"js" | "mjs" => "text/javascript; charset=utf-8",
		"css" => "text/css; charset=utf-8",
		"json" => "application/json",
		"svg" => "image/svg+xml",
		"png" => "image/png",
		"ico" => "image/x-icon",
		"wasm" => "application/wasm",
		"woff2" => "font/woff2",
		"txt" => "text/plain; charset=utf-8",
		_ => "application/octet-stream",
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_build_is_read_once_and_only_its_own_files_are_served() {
		let dir = tempfile::tempdir().unwrap();
		std::fs::create_dir(dir.path().join("assets")).unwrap();
		std::fs::write(dir.path().join("index.html"), "<!doctype html>").unwrap();
		std::fs::write(dir.path().join("assets/index-abc.js"), "export {}").unwrap();
		let outside = tempfile::tempdir().unwrap();
		std::fs::write(outside.path().join("secret"), "key").unwrap();
		#[cfg(unix)]
		std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("link")).unwrap();

		let app = WebApp::load(dir.path(), 9944).unwrap();
		let index = app.file("").unwrap();
		assert_eq!(
			(&index.body[..], index.content_type),
			(&b"<!doctype html>"[..], "text/html; charset=utf-8")
		);
		assert!(!index.immutable);
		let script = app.file("assets/index-abc.js").unwrap();
		assert_eq!(script.content_type, "text/javascript; charset=utf-8");
		assert!(script.immutable);
		assert_eq!(&app.file("config.json").unwrap().body[..], br#"{"rpcPort":9944}"#);
		for hostile in
			["link", "../secret", "assets/../../secret", "/etc/passwd", "assets", "%2e%2e/secret"]
		{
			assert!(app.file(hostile).is_none(), "{hostile} was served");
		}
		// Removing the files changes nothing: they were read at start.
		std::fs::remove_file(dir.path().join("index.html")).unwrap();
		assert!(app.file("index.html").is_some());
	}

	#[test]
	fn a_folder_without_an_app_is_refused_at_start() {
		let dir = tempfile::tempdir().unwrap();
		let error = WebApp::load(dir.path(), 9944).unwrap_err();
		assert!(error.contains("no index.html"), "{error}");
		let missing = WebApp::load(&dir.path().join("nope"), 9944).unwrap_err();
		assert!(missing.contains("nope"), "{missing}");
	}
}
