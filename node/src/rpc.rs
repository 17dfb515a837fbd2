//! The node's JSON-RPC beyond what `sc-service` serves (system, chain, state, author, childstate,
//! the chainHead/transaction/chainSpec spec methods): account nonces, fee queries, IPFS pin
//! status, and the `social_*` feeds.

use std::sync::Arc;

use jsonrpsee::RpcModule;
use plaza_runtime::{opaque::Block, AccountId, Balance, Nonce};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC handlers need from the node.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// The IPFS service, unless the node runs with `--no-ipfs`.
	pub ipfs: Option<plaza_ipfs::Ipfs>,
	/// The social API over the node's social index.
	pub social: plaza_rpc::Social,
}

/// Builds the RPC module with every Plaza-specific method.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let FullDeps { client, pool, ipfs, social } = deps;
	let mut module = RpcModule::new(());
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client).into_rpc())?;
	module.merge(plaza_rpc::SocialApiServer::into_rpc(social))?;
	if let Some(ipfs) = ipfs {
		use plaza_ipfs::rpc::{Ipfs, IpfsRpcServer};
		module.merge(Ipfs::new(ipfs.book, ipfs.store).into_rpc())?;
	}
	Ok(module)
}
