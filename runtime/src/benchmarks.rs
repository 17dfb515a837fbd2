//! The pallets `plaza-node benchmark pallet` measures (runtime built with `runtime-benchmarks`).

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_proxy, Proxy]
	[pallet_session, SessionBench::<Runtime>]
	[pallet_collator_selection, CollatorSelection]
	[pallet_preimage, Preimage]
	[pallet_scheduler, Scheduler]
	[pallet_referenda, Referenda]
	[pallet_conviction_voting, ConvictionVoting]
	[pallet_parameters, Parameters]
	[pallet_profiles, Profiles]
	[pallet_posts, Posts]
	[pallet_votes, Votes]
	[pallet_rewards, Rewards]
	[pallet_apps, Apps]
	[pallet_communities, Communities]
);

/// The fee extension's benchmark needs nothing set up beyond the default.
impl pallet_transaction_payment::BenchmarkConfig for crate::Runtime {}
