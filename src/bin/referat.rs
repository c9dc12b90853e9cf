//! `referat [OPTIONS] PATH...`: the analysis of each file, or of every file in a folder.
//!
//! Prints referat/1 JSON (an array for several files, one object a line with `--format
//! jsonl`), CSV for Danish Excel (decisions, attendance, or the attendance grid of a
//! series with `--table history`), or a Markdown summary; with `--history`, the meetings
//! of all the files and each member's attendance over them (referat-history/1 JSON); with
//! `--compare A B`, what changed from A to B item by item (referat-compare/1 JSON).
//! Exit 0 when every file was read; 1 with a one-line message on stderr for each file
//! that cannot be read as a referat (the others are still printed); 2 for bad usage.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use indicatif::{ParallelProgressIterator, ProgressBar, ProgressStyle};
use rayon::prelude::*;
use referat_analyzer::{export, series, Analysis};

/// Læser danske referater (KKR, byråd, kommunalbestyrelse, regionsråd, udvalg) og udskriver
/// deres møde, dagsordenspunkter, fremmøde og beslutninger.
#[derive(Parser)]
#[command(name = "referat", version, about)]
struct Args {
    /// Udskriftens form.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Tabellen i CSV: beslutninger, fremmøde pr. referat, eller fremmøde over tid.
    #[arg(short, long, value_enum, default_value_t = Table::Decisions)]
    table: Table,
    /// Møderne i filerne og hvert medlems fremmøde over dem (referat-history/1 JSON).
    #[arg(long)]
    history: bool,
    /// Sammenlign to dokumenter punkt for punkt, A (dagsorden, ældre udkast) mod B
    /// (referat-compare/1 JSON; `--format md` giver en liste at læse).
    #[arg(long, conflicts_with = "history")]
    compare: bool,
    /// Filer eller mapper (mapper læses med undermapper; filer efter indhold).
    #[arg(required = true, value_name = "STI")]
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    /// Ét referat/1-objekt pr. linje (DuckDB, pandas, Spark læser det som det er).
    Jsonl,
    Csv,
    Md,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Table {
    Decisions,
    Attendance,
    History,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.compare {
        return compare(&args);
    }
    let mut failed = false;
    let mut files = Vec::new();
    for p in &args.paths {
        if let Err(e) = collect(p, &mut files) {
            eprintln!("referat: kan ikke læse {}: {e}", p.display());
            failed = true;
        }
    }
    // Read and analysed in parallel, printed in the order given; a progress bar on stderr
    // when it is a terminal and there is more than a file.
    let bar = if files.len() > 1 && std::io::stderr().is_terminal() {
        ProgressBar::new(files.len() as u64).with_style(
            ProgressStyle::with_template("{bar:40} {pos} af {len} filer, {eta} tilbage").unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    } else {
        ProgressBar::hidden()
    };
    let read: Vec<Result<Analysis, String>> = files.par_iter().progress_with(bar.clone()).map(|path| read_one(path)).collect();
    bar.finish_and_clear();
    let mut analyses: Vec<Analysis> = Vec::new();
    for outcome in read {
        match outcome {
            Ok(a) => analyses.push(a),
            Err(message) => {
                eprintln!("referat: {message}");
                failed = true;
            }
        }
    }
    if !analyses.is_empty() {
        let out: Vec<u8> = match (args.format, args.table) {
            (Format::Csv, Table::History) => export::csv_history(&series::history(&analyses)),
            _ if args.history => (serde_json::to_string_pretty(&series::history(&analyses)).unwrap_or_default() + "\n").into_bytes(),
            (Format::Csv, Table::Attendance) => export::csv_attendance(&analyses),
            (Format::Csv, _) => export::csv_decisions(&analyses),
            (Format::Md, _) => export::markdown(&analyses).into_bytes(),
            (Format::Jsonl, _) => {
                analyses.iter().map(|a| serde_json::to_string(a).unwrap_or_default() + "\n").collect::<String>().into_bytes()
            }
            (Format::Json, _) => (export::json(&analyses) + "\n").into_bytes(),
        };
        if std::io::stdout().write_all(&out).is_err() {
            return ExitCode::from(1);
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `--compare A B`: exit 2 unless there are exactly two files, 1 when one cannot be read.
fn compare(args: &Args) -> ExitCode {
    let [a, b] = args.paths.as_slice() else {
        eprintln!("referat: --compare sammenligner præcis to filer, A og B ({} givet)", args.paths.len());
        return ExitCode::from(2);
    };
    let (a, b) = match (read_one(a), read_one(b)) {
        (Ok(a), Ok(b)) => (a, b),
        (x, y) => {
            for message in [x.err(), y.err()].into_iter().flatten() {
                eprintln!("referat: {message}");
            }
            return ExitCode::from(1);
        }
    };
    let c = referat_analyzer::compare::compare(&a, &b);
    let out = match args.format {
        Format::Md => export::markdown_compare(&c),
        _ => serde_json::to_string_pretty(&c).unwrap_or_default() + "\n",
    };
    match std::io::stdout().write_all(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}

/// A file's analysis (named by the file), or the one-line message why it cannot be read.
fn read_one(path: &Path) -> Result<Analysis, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("kan ikke læse {}: {e}", path.display()))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let analysis = referat_analyzer::analyze(&bytes, &name);
    match analysis.fatal() {
        Some(f) => Err(f.message.clone()),
        None => Ok(analysis),
    }
}

/// A file as it is; a folder's files, with its subfolders', in name order (hidden ones
/// left out).
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if !path.is_dir() {
        out.push(path.to_owned());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for e in entries {
        if e.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
            continue;
        }
        collect(&e, out)?;
    }
    Ok(())
}
