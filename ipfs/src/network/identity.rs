//! The IPFS peer's identity: an Ed25519 key of its own (not the chain's network key), kept in
//! the IPFS directory under the base path so that the peer id survives restarts.

use std::{fs, io::Write, path::Path};

use libp2p::identity::Keypair;

/// The key file's name in the IPFS directory.
pub const KEY_FILE: &str = "p2p_secret_ed25519";

/// The key in `dir`, created (readable by its owner only) when there is none.
pub fn load_or_create(dir: &Path) -> Result<Keypair, String> {
	let path = dir.join(KEY_FILE);
	match fs::read(&path) {
		Ok(bytes) => Keypair::from_protobuf_encoding(&bytes)
			.map_err(|e| format!("the IPFS peer key in {path:?} is not a libp2p key: {e}")),
		Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
			let key = Keypair::generate_ed25519();
			let bytes = key.to_protobuf_encoding().map_err(|e| e.to_string())?;
			write_private(&path, &bytes)
				.map_err(|e| format!("cannot write the IPFS peer key to {path:?}: {e}"))?;
			Ok(key)
		},
		Err(e) => Err(format!("cannot read the IPFS peer key in {path:?}: {e}")),
	}
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
	let mut options = fs::OpenOptions::new();
	options.write(true).create_new(true);
	#[cfg(unix)]
	std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
	let mut file = options.open(path)?;
	file.write_all(bytes)?;
	file.sync_all()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_key_is_made_once_and_kept() {
		let dir = tempfile::tempdir().unwrap();
		let first = load_or_create(dir.path()).unwrap();
		let again = load_or_create(dir.path()).unwrap();
		assert_eq!(first.public().to_peer_id(), again.public().to_peer_id());
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			let mode = fs::metadata(dir.path().join(KEY_FILE)).unwrap().permissions().mode();
			assert_eq!(mode & 0o777, 0o600);
		}
	}

	#[test]
	fn a_damaged_key_is_an_error_not_a_new_identity() {
		let dir = tempfile::tempdir().unwrap();
		fs::write(dir.path().join(KEY_FILE), b"not a key").unwrap();
		let error = load_or_create(dir.path()).unwrap_err();
		assert!(error.contains("is not a libp2p key"), "{error}");
	}
}
