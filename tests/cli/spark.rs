//! The Spark job (tools/spark/align_corpus.py) on `local[2]`: over a corpus of 200 and more
//! pairs its outputs are `padan batch`'s, byte for byte, with 1, 2 and 4 partitions. Needs
//! Java and PySpark (`.ci/run` installs PySpark); without them the test says it skipped.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{fixture, padan, stderr, temp_dir};

/// Why the job cannot run here, if it cannot.
fn spark_missing() -> Option<String> {
    let works = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !works("java", &["-version"]) {
        return Some("no java on PATH (Spark runs on a JVM)".to_owned());
    }
    if !works("python3", &["-c", "import pyspark"]) {
        return Some("python3 cannot import pyspark (pip install pyspark)".to_owned());
    }
    None
}

/// A bead of the example: its source lines and its target lines.
type GoldBead = (Vec<String>, Vec<String>);

/// One side of a bead.
type SideOf = fn(&GoldBead) -> &Vec<String>;

/// The example's gold beads.
fn gold_beads() -> Vec<GoldBead> {
    let lines = |name: &str| -> Vec<String> {
        fs::read_to_string(fixture(name))
            .expect("fixture")
            .lines()
            .map(str::to_owned)
            .collect()
    };
    let (id, en) = (lines("reykjavik/id.sents"), lines("reykjavik/en.sents"));
    let indices = |side: &str| -> Vec<usize> {
        let inner = side.trim().trim_start_matches('[').trim_end_matches(']');
        inner
            .split(',')
            .filter_map(|k| k.trim().parse().ok())
            .collect()
    };
    lines("reykjavik/gold.align")
        .iter()
        .filter_map(|l| l.split_once(':'))
        .map(|(s, t)| {
            (
                indices(s).iter().map(|&k| id[k].clone()).collect(),
                indices(t).iter().map(|&k| en[k].clone()).collect(),
            )
        })
        .collect()
}

/// 210 article pairs cut from the example (windows of 2 to 8 beads, one paragraph a bead),
/// one of them a Windows-1252 file, one a web page, and one row whose source is missing;
/// returns the manifest.
fn corpus(dir: &Path) -> PathBuf {
    let beads = gold_beads();
    fs::create_dir_all(dir.join("id")).expect("mkdir");
    fs::create_dir_all(dir.join("en")).expect("mkdir");
    let mut manifest = String::from("source,target,name\n");
    for k in 0..210usize {
        let start = k % (beads.len() - 8);
        let window = &beads[start..start + 2 + k % 7];
        let side = |pick: SideOf| -> String {
            window.iter().map(|b| pick(b).join(" ") + "\n\n").collect()
        };
        let (source, target) = (side(|b| &b.0), side(|b| &b.1));
        let (source_name, target_name) = match k {
            7 => {
                // Windows-1252: read in its own encoding, as padan batch reads it.
                let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&source);
                fs::write(dir.join("id/p007.txt"), bytes).expect("write");
                ("id/p007.txt".to_owned(), format!("en/p{k:03}.txt"))
            }
            11 => {
                let html: String = target
                    .split("\n\n")
                    .filter(|p| !p.is_empty())
                    .map(|p| format!("<p>{p}</p>\n"))
                    .collect();
                let page = format!(
                    "<html><head><title>x</title><script>var a = 1;</script></head><body><nav>Home | World</nav><article>{html}</article></body></html>"
                );
                fs::write(dir.join("en/p011.html"), page).expect("write");
                (format!("id/p{k:03}.txt"), "en/p011.html".to_owned())
            }
            _ => (format!("id/p{k:03}.txt"), format!("en/p{k:03}.txt")),
        };
        if k != 7 {
            fs::write(dir.join(&source_name), &source).expect("write");
        }
        if k != 11 {
            fs::write(dir.join(&target_name), &target).expect("write");
        }
        manifest.push_str(&format!("{source_name},{target_name},\n"));
    }
    manifest.push_str("id/missing.txt,en/p000.txt,missing\n");
    let path = dir.join("corpus.csv");
    fs::write(&path, manifest).expect("write");
    path
}

fn run_job(dir: &Path, manifest: &str, out: &str, partitions: usize) -> std::process::Output {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/spark/align_corpus.py");
    Command::new("python3")
        .current_dir(dir)
        .arg(script)
        .args(["--manifest", manifest, "--out-dir", out])
        .args(["--partitions", &partitions.to_string()])
        .args([
            "--padan",
            env!("CARGO_BIN_EXE_padan"),
            "--master",
            "local[2]",
        ])
        .output()
        .expect("python3 runs")
}

fn same_bytes(a: &Path, b: &Path) {
    let (left, right) = (fs::read(a).expect("output"), fs::read(b).expect("output"));
    assert!(
        left == right,
        "{} and {} differ ({} and {} bytes)",
        a.display(),
        b.display(),
        left.len(),
        right.len()
    );
}

#[test]
fn the_spark_job_writes_what_padan_batch_writes_with_any_number_of_partitions() {
    if let Some(why) = spark_missing() {
        eprintln!("skipped: the Spark job needs Java and PySpark: {why}");
        return;
    }
    let dir = temp_dir();
    let manifest = corpus(dir.path());
    let manifest = manifest.to_string_lossy().into_owned();
    // The reference: padan batch, and the aligned records as one padan align --jsonl-in gives
    // them for the same pairs.
    let batch = padan(
        dir.path(),
        &["batch", "--manifest", &manifest, "--out-dir", "batch", "-q"],
    );
    assert_eq!(batch.status.code(), Some(1), "{}", stderr(&batch));
    assert!(
        stderr(&batch).contains("missing failed"),
        "{}",
        stderr(&batch)
    );
    let listed = padan(
        dir.path(),
        &["batch", "--manifest", &manifest, "--list-pairs"],
    );
    assert_eq!(listed.status.code(), Some(0), "{}", stderr(&listed));
    fs::write(dir.path().join("pairs.jsonl"), &listed.stdout).expect("write");
    assert_eq!(listed.stdout.iter().filter(|&&b| b == b'\n').count(), 211);
    let aligned = padan(
        dir.path(),
        &[
            "align",
            "--jsonl-in",
            "pairs.jsonl",
            "--exit-zero",
            "-o",
            "aligned.jsonl",
        ],
    );
    assert_eq!(aligned.status.code(), Some(0), "{}", stderr(&aligned));

    for partitions in [1, 2, 4] {
        let out = format!("spark-{partitions}");
        let job = run_job(dir.path(), &manifest, &out, partitions);
        let log = String::from_utf8_lossy(&job.stderr).into_owned();
        assert_eq!(job.status.code(), Some(1), "{log}");
        assert!(log.contains("align_corpus: missing failed: "), "{log}");
        assert!(
            log.contains(&format!(
                "210 pair(s) aligned in {partitions} partition(s), 1 failed"
            )),
            "{log}"
        );
        let at = |name: &str| dir.path().join(&out).join(name);
        same_bytes(&at("aligned.jsonl"), &dir.path().join("aligned.jsonl"));
        same_bytes(&at("glossary.csv"), &dir.path().join("batch/glossary.csv"));
        same_bytes(&at("summary.tsv"), &dir.path().join("batch/summary.tsv"));
        // Nothing of the job's scratch is left beside the outputs.
        let mut left: Vec<String> = fs::read_dir(dir.path().join(&out))
            .expect("out dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["aligned.jsonl", "glossary.csv", "summary.tsv"]);
    }

    // Records with their texts inline: the aligned records of padan align --jsonl-in, and the
    // glossary of padan glossary --from-aligned over them.
    let inline: String = gold_beads()
        .windows(4)
        .enumerate()
        .map(|(k, w)| {
            let side = |pick: SideOf| -> String {
                w.iter()
                    .map(|b| pick(b).join(" "))
                    .collect::<Vec<_>>()
                    .join("\n\n")
            };
            serde_json::json!({"id": k, "source": side(|b| &b.0), "target": side(|b| &b.1)})
                .to_string()
                + "\n"
        })
        .collect();
    fs::write(dir.path().join("inline.jsonl"), inline).expect("write");
    let reference = padan(
        dir.path(),
        &[
            "align",
            "--jsonl-in",
            "inline.jsonl",
            "-o",
            "inline.aligned.jsonl",
        ],
    );
    assert_eq!(reference.status.code(), Some(0), "{}", stderr(&reference));
    let glossary = padan(
        dir.path(),
        &[
            "glossary",
            "--from-aligned",
            "inline.aligned.jsonl",
            "-o",
            "inline.csv",
        ],
    );
    assert_eq!(glossary.status.code(), Some(0), "{}", stderr(&glossary));
    let job = run_job(dir.path(), "inline.jsonl", "spark-inline", 2);
    assert_eq!(
        job.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&job.stderr)
    );
    let at = |name: &str| dir.path().join("spark-inline").join(name);
    same_bytes(
        &at("aligned.jsonl"),
        &dir.path().join("inline.aligned.jsonl"),
    );
    same_bytes(&at("glossary.csv"), &dir.path().join("inline.csv"));
    let summary = fs::read_to_string(at("summary.tsv")).expect("summary");
    assert_eq!(summary.lines().count(), 1 + gold_beads().len() - 3);
    assert!(summary
        .lines()
        .skip(1)
        .all(|l| l.split('\t').nth(1) == Some("ok")));
}
