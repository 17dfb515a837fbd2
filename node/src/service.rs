//! Assembles a full node: client and database, transaction pool, networking, Aura authoring,
//! GRANDPA finality and RPC.

use std::{sync::Arc, time::Duration};

use plaza_runtime::{apis::RuntimeApi, opaque::Block};
use sc_client_api::BlockBackend;
use sc_consensus_aura::{ImportQueueParams, SlotProportion, StartAuraParams};
use sc_consensus_grandpa::SharedVoterState;
use sc_network::{config::NetworkBackendType, NetworkStateInfo};
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_consensus_aura::{sr25519::AuthorityPair as AuraPair, SlotDuration};

use plaza_ipfs::IpfsParams;

use crate::client::{FullBackend, FullClient, HostFunctions};

type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;

/// GRANDPA imports and generates a justification at least every this many blocks.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// The parts of a node that subcommands (import, export, revert, benchmarks) need too.
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	sc_transaction_pool::TransactionPoolHandle<Block, FullClient>,
	(
		sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>,
		sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>,
		Option<Telemetry>,
	),
>;

/// The inherent data a block carries: its timestamp and the Aura slot that timestamp falls in.
fn slot_and_timestamp(
	slot_duration: SlotDuration,
) -> (sp_consensus_aura::inherents::InherentDataProvider, sp_timestamp::InherentDataProvider) {
	let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
	let slot = sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
		*timestamp,
		slot_duration,
	);
	(slot, timestamp)
}

/// Builds the client, database, transaction pool and import queue.
pub fn new_partial(config: &Configuration) -> Result<Service, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|x| !x.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor::<HostFunctions>(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			Vec::new(),
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
		client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD,
		&client,
		select_chain.clone(),
		telemetry.as_ref().map(|x| x.handle()),
	)?;

	let cidp_client = client.clone();
	let import_queue =
		sc_consensus_aura::import_queue::<AuraPair, _, _, _, _, _>(ImportQueueParams {
			block_import: grandpa_block_import.clone(),
			justification_import: Some(Box::new(grandpa_block_import.clone())),
			client: client.clone(),
			create_inherent_data_providers: move |parent_hash, _| {
				let cidp_client = cidp_client.clone();
				async move {
					let slot_duration = sc_consensus_aura::standalone::slot_duration_at(
						&*cidp_client,
						parent_hash,
					)?;
					Ok(slot_and_timestamp(slot_duration))
				}
			},
			spawner: &task_manager.spawn_essential_handle(),
			registry: config.prometheus_registry(),
			check_for_equivocation: Default::default(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			compatibility_mode: Default::default(),
		})?;

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (grandpa_block_import, grandpa_link, telemetry),
	})
}

/// Starts a full node (a validator when run with `--validator` and session keys) on the network
/// backend the configuration names.
pub fn new_full(
	mut config: Configuration,
	ipfs: IpfsParams,
	check_hardware: bool,
) -> Result<TaskManager, ServiceError> {
	prefer_given_bootnodes(&mut config.network.boot_nodes);
	let database = config.database.path().map(std::path::Path::to_path_buf);
	let is_validator = config.role.is_authority();
	let task_manager = match config.network.network_backend {
		NetworkBackendType::Libp2p => new_full_with_network::<
			sc_network::NetworkWorker<Block, <Block as sp_runtime::traits::Block>::Hash>,
		>(config, ipfs),
		NetworkBackendType::Litep2p => {
			new_full_with_network::<sc_network::Litep2pNetworkBackend>(config, ipfs)
		},
	}?;
	if check_hardware && is_validator {
		// A second of CPU and disk work: on a blocking thread, not an async worker.
		task_manager.spawn_handle().spawn_blocking("hardware-benchmark", None, async move {
			crate::hardware::check_validator_machine(database)
		});
	}
	Ok(task_manager)
}

/// Drops a chain spec's bootnode when a `--bootnodes` entry (they come last) names the same
/// address with another peer id: the network refuses such a pair at start, and specs built with
/// `build-spec --raw` carry a placeholder `127.0.0.1:30333` bootnode with a throwaway id that
/// clashes with a real local validator.
fn prefer_given_bootnodes(boot_nodes: &mut Vec<sc_network::config::MultiaddrWithPeerId>) {
	let mut kept: Vec<sc_network::config::MultiaddrWithPeerId> =
		Vec::with_capacity(boot_nodes.len());
	for node in boot_nodes.drain(..).rev() {
		match kept.iter().find(|later| later.multiaddr == node.multiaddr) {
			Some(later) if later.peer_id != node.peer_id => log::warn!(
				"Bootnode {} of the chain spec has peer id {}; using {} from --bootnodes",
				node.multiaddr,
				node.peer_id,
				later.peer_id,
			),
			_ => kept.push(node),
		}
	}
	kept.reverse();
	*boot_nodes = kept;
}

fn new_full_with_network<
	N: sc_network::NetworkBackend<Block, <Block as sp_runtime::traits::Block>::Hash>,
>(
	config: Configuration,
	ipfs: IpfsParams,
) -> Result<TaskManager, ServiceError> {
	let sc_service::PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (block_import, grandpa_link, mut telemetry),
	} = new_partial(&config)?;

	let mut net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as sp_runtime::traits::Block>::Hash,
		N,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = N::register_notification_metrics(config.prometheus_registry());

	let peer_store_handle = net_config.peer_store_handle();
	let genesis_hash = client
		.block_hash(0)
		.ok()
		.flatten()
		.ok_or_else(|| ServiceError::Other("the database has no genesis block".into()))?;
	let grandpa_protocol_name =
		sc_consensus_grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
	let (grandpa_protocol_config, grandpa_notification_service) =
		sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
			grandpa_protocol_name.clone(),
			metrics.clone(),
			peer_store_handle,
		);
	net_config.add_notification_protocol(grandpa_protocol_config);
	let ipfs_peers = crate::ipfs_peers::IpfsPeers::register(&mut net_config, &genesis_hash);

	let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
		backend.clone(),
		grandpa_link.shared_authority_set().clone(),
		Vec::default(),
	));

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config: Some(WarpSyncConfig::WithProvider(warp_sync)),
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	// No offchain workers: the runtime has none, and sc-offchain runs each block's (empty) job
	// on a thread pool nothing joins, whose last handle on the client could close the database
	// after `main` returned, while RocksDB's statics were being destroyed (an abort on Ctrl-C).

	let role = config.role;
	let force_authoring = config.force_authoring;
	let name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa;
	let prometheus_registry = config.prometheus_registry().cloned();

	let chain_dir = config.base_path.config_dir(config.chain_spec.id());
	// The port wallets reach: the first RPC endpoint's, or the default one.
	let rpc_port = match &config.rpc.addr {
		Some(endpoints) if !endpoints.is_empty() => endpoints[0].listen_addr.port(),
		_ => config.rpc.port,
	};
	let ipfs = plaza_ipfs::start(
		&ipfs,
		&chain_dir.join("ipfs"),
		&network.local_peer_id().to_bytes(),
		prometheus_registry.as_ref(),
		rpc_port,
	)
	.map_err(ServiceError::Other)?
	.map(|(ipfs, tasks)| {
		task_manager.spawn_handle().spawn("ipfs-api", Some("ipfs"), tasks.api);
		task_manager.spawn_handle().spawn("ipfs-pinner", Some("ipfs"), tasks.pinner);
		if let Some(collection) = tasks.garbage_collection {
			task_manager.spawn_handle().spawn("ipfs-gc", Some("ipfs"), collection);
		}
		if let Some(network) = tasks.network {
			task_manager.spawn_handle().spawn("ipfs-network", Some("ipfs"), network);
		}
		ipfs
	});
	task_manager.spawn_handle().spawn(
		"ipfs-peers",
		Some("ipfs"),
		ipfs_peers.run(
			network.clone(),
			sync_service.clone(),
			ipfs.as_ref().and_then(|ipfs| ipfs.network.clone()),
		),
	);

	let social_index = plaza_rpc::index::SocialIndex::open(&chain_dir.join("social-index"))
		.map(Arc::new)
		.map_err(|e| ServiceError::Other(e.to_string()))?;
	let (social_changes, _) = tokio::sync::broadcast::channel(1024);
	// One follower of finality reads each finalized block once and feeds the social index and
	// the pinner.
	let follower_status = Arc::new(plaza_rpc::follower::FollowerStatus::default());
	let mut consumers: Vec<Arc<dyn plaza_rpc::follower::BlockConsumer>> =
		vec![Arc::new(plaza_rpc::follower::IndexConsumer {
			index: social_index.clone(),
			changes: social_changes.clone(),
		})];
	if let Some(ipfs) = &ipfs {
		consumers.push(Arc::new(crate::ipfs::PinnerConsumer(ipfs.feed.clone())));
	}
	task_manager.spawn_handle().spawn(
		"finality-follower",
		Some("social"),
		plaza_rpc::follower::run(
			Arc::new(crate::social::ClientSocialSource(client.clone())),
			consumers,
			follower_status.clone(),
		),
	);

	let rpc_extensions_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		Box::new(move |_| {
			let social = plaza_rpc::Social::new(
				social_index.clone(),
				ipfs.as_ref().map(|ipfs| {
					Arc::new(crate::ipfs::StoreBodies(ipfs.store.clone()))
						as Arc<dyn plaza_rpc::bodies::BodyReader>
				}),
				plaza_runtime::constants::SS58_PREFIX,
				crate::social::pending_rewards(client.clone()),
				social_changes.clone(),
				follower_status.clone(),
			);
			let deps = crate::rpc::FullDeps {
				client: client.clone(),
				pool: pool.clone(),
				ipfs: ipfs.clone(),
				social,
			};
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: Arc::new(network.clone()),
		client: client.clone(),
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder: rpc_extensions_builder,
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	if role.is_authority() {
		let proposer_factory = sc_basic_authorship::ProposerFactory::new(
			task_manager.spawn_handle(),
			client.clone(),
			transaction_pool.clone(),
			prometheus_registry.as_ref(),
			telemetry.as_ref().map(|x| x.handle()),
		);

		let slot_duration = sc_consensus_aura::slot_duration(&*client)?;

		let aura = sc_consensus_aura::start_aura::<AuraPair, _, _, _, _, _, _, _, _, _, _>(
			StartAuraParams {
				slot_duration,
				client,
				select_chain,
				block_import,
				proposer_factory,
				create_inherent_data_providers: move |_, ()| async move {
					Ok(slot_and_timestamp(slot_duration))
				},
				force_authoring,
				backoff_authoring_blocks: Option::<()>::None,
				keystore: keystore_container.keystore(),
				sync_oracle: sync_service.clone(),
				justification_sync_link: sync_service.clone(),
				block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
				max_block_proposal_slot_portion: None,
				telemetry: telemetry.as_ref().map(|x| x.handle()),
				compatibility_mode: Default::default(),
			},
		)?;

		// Authoring is essential: if it fails, the node stops.
		task_manager.spawn_essential_handle().spawn_blocking("aura", Some("block-authoring"), aura);
	}

	if enable_grandpa {
		// Only validators vote, so only they need the keystore.
		let keystore = if role.is_authority() { Some(keystore_container.keystore()) } else { None };

		let grandpa_config = sc_consensus_grandpa::Config {
			gossip_duration: Duration::from_millis(333),
			justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
			name: Some(name),
			observer_enabled: false,
			keystore,
			local_role: role,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			protocol_name: grandpa_protocol_name,
		};

		// Every full node runs the voter (non-validators without keys only follow): it gives
		// better availability of votes than the observer protocol.
		let grandpa_params = sc_consensus_grandpa::GrandpaParams {
			config: grandpa_config,
			link: grandpa_link,
			network,
			sync: Arc::new(sync_service),
			notification_service: grandpa_notification_service,
			voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
			prometheus_registry,
			shared_voter_state: SharedVoterState::empty(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
		};

		task_manager.spawn_essential_handle().spawn_blocking(
			"grandpa-voter",
			None,
			sc_consensus_grandpa::run_grandpa_voter(grandpa_params)?,
		);
	}

	Ok(task_manager)
}
