//! Work split across cores for the stages after parsing, on large schemas only: a vendor
//! corpus of tens of thousands of types spends most of resolving and naming waiting on
//! memory, which two cores wait on twice as fast. Results come back in order, so nothing
//! depends on the threads.

/// Below this many items per thread, a thread costs more than it saves.
const ITEMS_PER_THREAD: usize = 4096;

/// How many threads `items` items are worth.
pub(crate) fn threads_for(items: usize) -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).min(items / ITEMS_PER_THREAD).max(1)
}

/// `a()` and `b()`, at the same time when `parallel`.
pub(crate) fn join<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !parallel {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let b = scope.spawn(b);
        let a = a();
        (a, b.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    })
}

/// `run(first, chunk)` over contiguous chunks of `items` (`first` is the chunk's index in
/// `items`), on as many threads as they are worth; the results in the order of the chunks.
pub(crate) fn map_chunks<T: Sync, R: Send>(items: &[T], run: impl Fn(usize, &[T]) -> R + Sync) -> Vec<R> {
    let threads = threads_for(items.len());
    if threads == 1 {
        return vec![run(0, items)];
    }
    let per_thread = items.len().div_ceil(threads);
    let run = &run;
    std::thread::scope(|scope| {
        let mut chunks = items.chunks(per_thread).enumerate();
        let first = chunks.next();
        let helpers: Vec<_> = chunks.map(|(i, chunk)| scope.spawn(move || run(i * per_thread, chunk))).collect();
        let mut results = Vec::with_capacity(threads);
        results.extend(first.map(|(_, chunk)| run(0, chunk)));
        for helper in helpers {
            results.push(helper.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
        results
    })
}
