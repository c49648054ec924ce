//! resetpoint's entry point: parse the command line and hand off.

use std::process::ExitCode;

use clap::Parser as _;
use resetpoint::cli::{Cli, Command};
use resetpoint::commands;

fn main() -> ExitCode {
    report_panics();
    let cli = Cli::parse();
    share_malloc_pools(&cli.command);
    commands::exit_code(dispatch(cli))
}

/// A meeting's helper threads (the store, the reads of earlier meetings,
/// the follow socket, the terminal watch) share one malloc pool beside the
/// main thread's. glibc would give each thread a pool of its own, up to
/// eight per core, each a 64 MiB mapping set up and faulted in as it is
/// used: four of them at every start, for threads that mostly wait. CPU
/// for a whole meeting x0.98 (benches/against_peer.py --vs). `portfolio`,
/// which reads plans on every core at once, keeps a pool per thread.
fn share_malloc_pools(command: &Command) {
    // glibc's own tunable; other C libraries keep their own ways.
    #[cfg(target_env = "gnu")]
    if !matches!(command, Command::Portfolio { .. }) {
        // SAFETY: mallopt only sets a tunable of the allocator; this runs
        // before any other thread is started.
        unsafe { libc::mallopt(libc::M_ARENA_MAX, 2) };
    }
    #[cfg(not(target_env = "gnu"))]
    let _ = command;
}

/// An internal error is said in one line, after the terminal is restored,
/// with no backtrace: the PM is told their plan is safe and whom to tell.
fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        // The terminal is restored first (the runner's hook wraps this one).
        resetpoint::tui::terminal::leave_terminal();
        let place = info
            .location()
            .map_or_else(String::new, |l| format!(" at {}:{}", l.file(), l.line()));
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!(
            "resetpoint stopped on an internal error{place}: {}\nPlease report it; your plan file is untouched.",
            resetpoint::text::visible(&what)
        );
    }));
}

/// Hand the command line to its command.
fn dispatch(cli: Cli) -> commands::Outcome {
    let config = cli.config.as_deref();
    match cli.command {
        Command::Demo { records } => commands::demo::run(records.as_deref(), config),
        Command::Run {
            plan,
            agenda,
            records,
            resume,
            fresh,
        } => {
            let options = commands::run::Options {
                agenda,
                records: records.as_deref(),
                unfinished: unfinished(resume, fresh),
                config,
            };
            commands::run::run(&plan, &options)
        }
        Command::Rehearse {
            plan,
            agenda,
            records,
            seed,
        } => commands::rehearse::run(
            &plan,
            &commands::rehearse::Options {
                agenda,
                records: records.as_deref(),
                seed,
                config,
            },
        ),
        Command::Follow {
            plan,
            records,
            no_wait,
        } => commands::follow::run(&commands::follow::Options {
            plan: plan.as_deref(),
            records: records.as_deref(),
            no_wait,
            config,
        }),
        Command::Notes {
            title,
            customer,
            plan,
            records,
            resume,
            fresh,
        } => commands::notes::run(&commands::notes::Options {
            title: title.as_deref(),
            customer: customer.as_deref(),
            plan: plan.as_deref(),
            records: records.as_deref(),
            unfinished: unfinished(resume, fresh),
            config,
        }),
        Command::Check {
            plan,
            format,
            strict,
            audience,
        } => commands::check::run(&plan, format, strict, audience),
        Command::Minutes {
            record,
            meeting,
            audience,
            format,
            output,
        } => commands::minutes::run(
            &record,
            meeting.as_deref(),
            audience,
            format,
            output.as_deref(),
        ),
        Command::Actions {
            plan,
            records,
            format,
            all,
            owner,
            side,
            output,
        } => {
            let options = commands::actions::Options {
                records: records.as_deref(),
                format,
                all,
                owner: owner.as_deref(),
                side: side.map(Into::into),
                output: output.as_deref(),
                config,
            };
            commands::actions::run(&plan, &options)
        }
        Command::History {
            plan,
            records,
            format,
            output,
            rehearsals: true,
        } => commands::rehearse::history(
            &plan,
            records.as_deref(),
            format,
            output.as_deref(),
            config,
        ),
        Command::History {
            plan,
            records,
            format,
            output,
            rehearsals: false,
        } => commands::history::run(&plan, records.as_deref(), format, output.as_deref(), config),
        Command::Report {
            plan,
            records,
            audience,
            format,
            output,
        } => {
            let options = commands::report::Options {
                records: records.as_deref(),
                audience,
                format,
                output: output.as_deref(),
                config,
            };
            commands::report::run(&plan, &options)
        }
        Command::Agenda {
            plan,
            agenda,
            records,
            format,
            output,
        } => {
            let options = commands::agenda::Options {
                agenda,
                records: records.as_deref(),
                format,
                output: output.as_deref(),
                config,
            };
            commands::agenda::run(&plan, &options)
        }
        Command::Update {
            plan,
            id,
            words,
            records,
        } => commands::update::run(&plan, records.as_deref(), &id, &words, config),
        Command::Portfolio {
            dirs,
            format,
            output,
        } => commands::portfolio::run(&dirs, format, output.as_deref()),
        Command::New { agenda, from, path } => {
            commands::new::run(agenda, from.as_deref(), path.as_deref())
        }
        Command::Schema => commands::schema::run(),
    }
}

/// What `--resume` and `--fresh` ask for about an unfinished meeting.
fn unfinished(resume: bool, fresh: bool) -> commands::run::Unfinished {
    match (resume, fresh) {
        (true, _) => commands::run::Unfinished::Resume,
        (_, true) => commands::run::Unfinished::Fresh,
        _ => commands::run::Unfinished::Ask,
    }
}
