//! The network: one HTTP client for pages and feeds, and a way to run a few requests at once.
//! What is fetched and why is for the layers above (`sources`, `feeds`).

mod client;

pub use client::{Client, FetchError, Fetched, Limits, PER_HOST, Page, Validators, is_web_url};

/// `f` applied to every item on at most `at_once` threads (network waits, not CPU work, so not
/// on the rayon pool), results in item order.
pub fn parallel_map<T: Send, R: Send>(
    items: Vec<T>,
    at_once: usize,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    use std::sync::Mutex;
    let count = items.len();
    let queue = Mutex::new(items.into_iter().enumerate());
    let results = Mutex::new(Vec::with_capacity(count));
    std::thread::scope(|scope| {
        for _ in 0..at_once.clamp(1, count.max(1)) {
            scope.spawn(|| {
                loop {
                    // The lock is held only to take the next item, never while working on it.
                    let next = queue.lock().map(|mut q| q.next()).ok().flatten();
                    let Some((i, item)) = next else { break };
                    let result = f(item);
                    if let Ok(mut results) = results.lock() {
                        results.push((i, result));
                    }
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn parallel_map_keeps_order() {
        let out = super::parallel_map((0..50).collect(), 4, |i: i32| i * 2);
        assert_eq!(out, (0..50).map(|i| i * 2).collect::<Vec<_>>());
        assert!(super::parallel_map(Vec::<i32>::new(), 4, |i| i).is_empty());
    }
}
