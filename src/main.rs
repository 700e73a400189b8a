//! The `rasid` command: a thin layer over the library; see `cli/`.

mod cli;

/// Documents come and go by the hundred thousand, each with its folded
/// view, words, candidates and tokens: an allocator built for many short
/// lives beats the system's by a measurable margin.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
