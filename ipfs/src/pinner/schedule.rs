//! The pinner's work queues (one for pins, one for unpins): every operation O(log n), fresh
//! CIDs before ones that failed, and a bounded number of CIDs held in memory.
//!
//! A CID is *waiting* until its back-off ends, then *ready*, then *running* while a store call
//! for it is in flight. Ready CIDs start in order of fewest failed attempts, then oldest first,
//! and CIDs that failed before may hold only part of the running slots: hundreds of unavailable
//! bodies, each taking the whole fetch timeout, cannot keep a fresh post's body waiting. At
//! most `capacity` CIDs are held; past that a fresh CID evicts the retry due last, or is refused
//! (both stay recorded in the database: the pinner reloads them when the queue has room).

use std::collections::{BTreeSet, HashMap};

use cid::Cid;
use tokio::time::Instant;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
	Waiting { due: Instant, order: u64 },
	Ready { order: u64 },
	Running,
}

#[derive(Debug)]
struct Entry {
	slot: Slot,
	/// Failed attempts so far.
	failures: u32,
}

/// One queue of CIDs (pins or unpins).
#[derive(Debug)]
pub struct Schedule {
	entries: HashMap<Cid, Entry>,
	/// Waiting CIDs by the end of their back-off.
	waiting: BTreeSet<(Instant, u64, Cid)>,
	/// Ready CIDs by failed attempts, then arrival.
	ready: BTreeSet<(u32, u64, Cid)>,
	running: usize,
	running_retries: usize,
	arrivals: u64,
	capacity: usize,
	overflowed: bool,
}

impl Schedule {
	/// An empty queue holding at most `capacity` CIDs.
	pub fn new(capacity: usize) -> Self {
		Self {
			entries: HashMap::new(),
			waiting: BTreeSet::new(),
			ready: BTreeSet::new(),
			running: 0,
			running_retries: 0,
			arrivals: 0,
			capacity: capacity.max(1),
			overflowed: false,
		}
	}

	/// How many CIDs it holds.
	pub fn len(&self) -> usize {
		self.entries.len()
	}

	/// Whether it holds no CID.
	#[cfg(test)]
	pub fn is_empty(&self) -> bool {
		self.entries.is_empty()
	}

	/// Whether a store call for `cid` is in flight.
	pub fn is_running(&self, cid: &Cid) -> bool {
		self.entries.get(cid).is_some_and(|entry| entry.slot == Slot::Running)
	}

	/// Whether any store call is in flight.
	#[cfg(test)]
	pub fn any_running(&self) -> bool {
		self.running > 0
	}

	/// Whether CIDs were evicted or refused since the last [`Self::reloaded`] (or
	/// [`Self::needs_reload`] said so).
	pub fn overflowed(&self) -> bool {
		self.overflowed
	}

	/// Says that a reload of every CID evicted or refused so far has begun.
	pub fn reloaded(&mut self) {
		self.overflowed = false;
	}

	/// Says that CIDs wait elsewhere (in the database) for room here.
	pub fn needs_reload(&mut self) {
		self.overflowed = true;
	}

	/// The most CIDs it holds.
	pub fn capacity(&self) -> usize {
		self.capacity
	}

	/// Adds `cid`, ready now, after `failures` failed attempts (unless it is held already).
	/// When full, a fresh CID evicts the retry due last; returns whether `cid` is held.
	pub fn add(&mut self, cid: Cid, failures: u32) -> bool {
		if self.entries.contains_key(&cid) {
			return true;
		}
		if self.entries.len() >= self.capacity {
			self.overflowed = true;
			let evict = match self.waiting.last() {
				Some(&(_, _, last)) if failures == 0 => last,
				_ => return false,
			};
			self.remove(&evict);
		}
		self.arrivals += 1;
		let order = self.arrivals;
		self.ready.insert((failures, order, cid));
		self.entries.insert(cid, Entry { slot: Slot::Ready { order }, failures });
		true
	}

	/// Forgets `cid` (its call, if running, finishes unheeded).
	pub fn remove(&mut self, cid: &Cid) {
		let Some(entry) = self.entries.remove(cid) else { return };
		match entry.slot {
			Slot::Waiting { due, order } => {
				self.waiting.remove(&(due, order, *cid));
			},
			Slot::Ready { order } => {
				self.ready.remove(&(entry.failures, order, *cid));
			},
			Slot::Running => self.stop_running(entry.failures),
		}
	}

	fn stop_running(&mut self, failures: u32) {
		self.running -= 1;
		if failures > 0 {
			self.running_retries -= 1;
		}
	}

	/// Marks the CIDs to start now and returns them: due ones, fresh first, while fewer than
	/// `max_running` run and fewer than `max_retries` of those failed before; `busy` ones (their
	/// opposite call is in flight) are left for later.
	pub fn start_due(
		&mut self,
		now: Instant,
		max_running: usize,
		max_retries: usize,
		busy: impl Fn(&Cid) -> bool,
	) -> Vec<Cid> {
		while let Some(&(due, order, cid)) = self.waiting.first() {
			if due > now {
				break;
			}
			self.waiting.pop_first();
			let entry = self.entries.get_mut(&cid).expect("waiting CIDs have entries");
			entry.slot = Slot::Ready { order };
			self.ready.insert((entry.failures, order, cid));
		}
		let mut started = Vec::new();
		let mut skipped = Vec::new();
		while self.running < max_running {
			let Some((failures, order, cid)) = self.ready.pop_first() else { break };
			if failures > 0 && self.running_retries >= max_retries {
				// Every ready CID from here on failed before.
				self.ready.insert((failures, order, cid));
				break;
			}
			if busy(&cid) {
				skipped.push((failures, order, cid));
				continue;
			}
			self.entries.get_mut(&cid).expect("ready CIDs have entries").slot = Slot::Running;
			self.running += 1;
			if failures > 0 {
				self.running_retries += 1;
			}
			started.push(cid);
		}
		self.ready.extend(skipped);
		started
	}

	/// A running `cid` failed for the `failures`-th time: it waits until `due`.
	pub fn failed(&mut self, cid: &Cid, failures: u32, due: Instant) {
		let Some(entry) = self.entries.get_mut(cid) else { return };
		if entry.slot != Slot::Running {
			return;
		}
		let counted_as_retry = entry.failures;
		self.arrivals += 1;
		let order = self.arrivals;
		entry.slot = Slot::Waiting { due, order };
		entry.failures = failures;
		self.waiting.insert((due, order, *cid));
		self.stop_running(counted_as_retry);
	}

	/// How many attempts for `cid` failed so far.
	pub fn failures(&self, cid: &Cid) -> u32 {
		self.entries.get(cid).map_or(0, |entry| entry.failures)
	}
}

#[cfg(test)]
mod tests {
	use std::time::Duration;

	use multihash_codetable::{Code, MultihashDigest};

	use super::*;

	fn cid(n: u32) -> Cid {
		Cid::new_v1(0x55, Code::Sha2_256.digest(&n.to_be_bytes()))
	}

	#[test]
	fn fresh_cids_start_before_retries_and_retries_hold_only_their_share() {
		let mut schedule = Schedule::new(1000);
		let now = Instant::now();
		for n in 0..300 {
			schedule.add(cid(n), 3);
		}
		schedule.add(cid(1000), 0);
		schedule.add(cid(1001), 0);
		let started = schedule.start_due(now, 4, 2, |_| false);
		assert_eq!(&started[..2], &[cid(1000), cid(1001)], "fresh first, in arrival order");
		assert_eq!(started.len(), 4);
		// Retries hold two slots; the next fresh CID starts as soon as a slot is free.
		schedule.remove(&cid(1000));
		schedule.add(cid(1002), 0);
		assert_eq!(schedule.start_due(now, 4, 2, |_| false), vec![cid(1002)]);
		schedule.remove(&started[2]);
		assert_eq!(schedule.start_due(now, 4, 2, |_| false), vec![cid(2)], "a retry's slot");
	}

	#[test]
	fn failed_cids_wait_for_their_back_off() {
		let mut schedule = Schedule::new(10);
		let now = Instant::now();
		schedule.add(cid(1), 0);
		assert_eq!(schedule.start_due(now, 4, 2, |_| false), vec![cid(1)]);
		assert!(schedule.is_running(&cid(1)));
		schedule.failed(&cid(1), 1, now + Duration::from_secs(2));
		assert_eq!(schedule.failures(&cid(1)), 1);
		assert!(schedule.start_due(now + Duration::from_secs(1), 4, 2, |_| false).is_empty());
		assert_eq!(schedule.start_due(now + Duration::from_secs(2), 4, 2, |_| false), vec![cid(1)]);
		schedule.remove(&cid(1));
		assert!(schedule.is_empty() && !schedule.any_running());
	}

	#[test]
	fn busy_cids_are_left_in_place() {
		let mut schedule = Schedule::new(10);
		schedule.add(cid(1), 0);
		schedule.add(cid(2), 0);
		let now = Instant::now();
		assert_eq!(schedule.start_due(now, 4, 2, |c| *c == cid(1)), vec![cid(2)]);
		assert_eq!(schedule.start_due(now, 4, 2, |_| false), vec![cid(1)]);
	}

	#[test]
	fn a_full_queue_evicts_the_retry_due_last_for_a_fresh_cid_and_says_so() {
		let mut schedule = Schedule::new(3);
		let now = Instant::now();
		schedule.add(cid(1), 0);
		schedule.add(cid(2), 0);
		assert_eq!(schedule.start_due(now, 2, 2, |_| false), vec![cid(1), cid(2)]);
		schedule.failed(&cid(1), 1, now + Duration::from_secs(4));
		schedule.failed(&cid(2), 1, now + Duration::from_secs(8));
		assert!(schedule.add(cid(3), 0));
		assert!(!schedule.overflowed());
		assert!(schedule.add(cid(4), 0), "room made for a fresh CID");
		assert!(schedule.overflowed());
		assert_eq!(schedule.len(), 3);
		let later = now + Duration::from_secs(10);
		assert_eq!(schedule.start_due(later, 4, 4, |_| false), vec![cid(3), cid(4), cid(1)]);
		assert!(!schedule.add(cid(5), 0), "nothing left to evict: refused");
		assert!(!schedule.add(cid(6), 1), "a retry never evicts");
		schedule.reloaded();
		assert!(!schedule.overflowed());
	}
}
