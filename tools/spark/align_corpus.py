#!/usr/bin/env python3
"""Align a corpus under Apache Spark with padan: the outputs of `padan batch`, on many machines.

    spark-submit tools/spark/align_corpus.py --manifest M --out-dir OUT [--partitions N]
        [--padan PATH]
    python3 tools/spark/align_corpus.py ...        (the same on local[*], PySpark installed)

M is a manifest as `padan batch --manifest` takes it (`source,target[,name]`, CSV or a
spreadsheet, paths relative to it; every executor must be able to read the files), or a JSONL
file of records with the texts inline, `{"id": ..., "source": "...", "target": "..."}`.

Every partition pipes its records through `padan align --jsonl-in` and its aligned records
through `padan glossary --from-aligned - --counts-out -`; the driver merges the counts in
partition order. The outputs, byte for byte those of `padan batch` on the same manifest:

    OUT/aligned.jsonl   one line a pair, in manifest order, as `padan align --jsonl-in` writes
    OUT/glossary.csv    the corpus glossary
    OUT/summary.tsv     one line a pair, as `padan batch` writes it

A pair that fails is reported on stderr and in the summary; the others complete, and the exit
code is 1, as for `padan batch`. PADAN is the binary to run: shipped to the executors with
spark-submit's `--files` when given as a path, else `padan` on every executor's PATH.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

# The header of `padan batch`'s summary.tsv (src/corpus.rs, SUMMARY_HEADER); the test compares
# the two files byte for byte, so a change there shows here.
SUMMARY_HEADER = (
    "pair\tstatus\tsource_segments\ttarget_segments\tbeads\tbeads_1_1\tbeads_merged"
    "\tbeads_unaligned\tlow_confidence\treason"
)
# A bead whose confidence, as shown (three decimals, as in the JSONL), is below this is counted
# as low (src/document.rs, LOW_CONFIDENCE and Bead::is_low_confidence).
LOW_CONFIDENCE = 0.5


def fail(message):
    print(f"align_corpus: {message}", file=sys.stderr)
    sys.exit(2)


def arguments():
    parser = argparse.ArgumentParser(
        description="Align a corpus under Apache Spark with padan (the outputs of padan batch)."
    )
    parser.add_argument("--manifest", required=True, help="source,target[,name] manifest, or JSONL records")
    parser.add_argument("--out-dir", required=True, help="folder for aligned.jsonl, glossary.csv, summary.tsv")
    parser.add_argument("--partitions", type=int, default=None, help="partitions (default: Spark's parallelism)")
    parser.add_argument("--padan", default=None, help="the padan binary (default: padan on PATH)")
    parser.add_argument(
        "--work-dir", default=None,
        help="where executors write each partition's records and counts (default: a folder in "
        "OUT; on a cluster, a path every executor and the driver reach, e.g. hdfs:///tmp/padan)",
    )
    parser.add_argument("--master", default=None, help="Spark master when not set by spark-submit (default local[*])")
    args = parser.parse_args()
    if args.partitions is not None and args.partitions < 1:
        fail(f"--partitions {args.partitions}: give at least 1")
    if not args.out_dir.strip():
        fail("--out-dir is empty; give the folder the outputs go to")
    return args


def driver_padan(path):
    """The binary the driver runs (to read the manifest and merge the counts)."""
    found = shutil.which(path) if path else shutil.which("padan")
    if not found:
        fail(f"{path or 'padan'}: not found; give --padan PATH or put padan on PATH")
    return os.path.abspath(found) if path else found


def records_of(manifest, padan):
    """(records to align, failures found before aligning), in the order padan batch has them.

    A table manifest is read by padan itself (`padan batch --list-pairs`), so pair names,
    paths and errors are exactly the batch's."""
    if manifest.endswith(".jsonl"):
        records = []
        with open(manifest, encoding="utf-8-sig") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    records.append(line.rstrip("\r\n"))
        return records, []
    listed = subprocess.run(
        [padan, "batch", "--manifest", manifest, "--list-pairs"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    if listed.returncode != 0:
        sys.stderr.write(listed.stderr)
        sys.exit(listed.returncode)
    records, failures = [], []
    for line in listed.stdout.splitlines():
        record = json.loads(line)
        if "error" in record:
            failures.append((record["id"], record["error"]))
        else:
            records.append(line)
    return records, failures


def pipe_through(command):
    """A partition function: the partition's lines through one process of `command`, its
    output lines back. Input is written by a thread so a large partition cannot deadlock."""

    def run(lines):
        from pyspark import SparkFiles

        binary = command[0]
        shipped = os.path.join(SparkFiles.getRootDirectory(), os.path.basename(binary))
        if os.path.isfile(shipped):
            binary = shipped
        process = subprocess.Popen(
            [binary] + command[1:],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
        )

        def feed():
            try:
                for line in lines:
                    process.stdin.write(line + "\n")
            finally:
                process.stdin.close()

        writer = threading.Thread(target=feed)
        writer.start()
        for line in process.stdout:
            yield line.rstrip("\n")
        writer.join()
        code = process.wait()
        if code != 0:
            raise RuntimeError(f"{' '.join(command)} exited with {code}")

    return run


def summary_line(name, beads):
    source = sum(len(b["source"]) for b in beads)
    target = sum(len(b["target"]) for b in beads)
    one_one = sum(1 for b in beads if len(b["source"]) == 1 and len(b["target"]) == 1)
    merged = sum(
        1 for b in beads
        if len(b["source"]) + len(b["target"]) > 2 and b["source"] and b["target"]
    )
    unaligned = sum(1 for b in beads if not b["source"] or not b["target"])
    low = sum(1 for b in beads if b["confidence"] < LOW_CONFIDENCE)
    return f"{name}\tok\t{source}\t{target}\t{len(beads)}\t{one_one}\t{merged}\t{unaligned}\t{low}\t"


def failed_line(name, reason):
    return f"{name}\tfailed\t\t\t\t\t\t\t\t" + reason.replace("\t", " ").replace("\n", " ")


def name_of(record_id):
    return record_id if isinstance(record_id, str) else json.dumps(record_id)


class open_atomically:
    """A text file written beside its final name and renamed into place when complete, so an
    output appears whole or not at all."""

    def __init__(self, out_dir, name):
        self.path = os.path.join(out_dir, name)
        handle, self.temporary = tempfile.mkstemp(prefix=".align_corpus-", suffix=".tmp", dir=out_dir)
        self.file = os.fdopen(handle, "w", encoding="utf-8", newline="")

    def __enter__(self):
        return self.file

    def __exit__(self, kind, value, trace):
        self.file.close()
        if kind is None:
            os.replace(self.temporary, self.path)
        elif os.path.exists(self.temporary):
            os.remove(self.temporary)
        return False


def main():
    args = arguments()
    padan = driver_padan(args.padan)
    records, failures = records_of(args.manifest, padan)
    os.makedirs(args.out_dir, exist_ok=True)

    from pyspark import SparkConf, StorageLevel
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("padan align_corpus")
    if not SparkConf().contains("spark.master"):
        builder = builder.master(args.master or "local[*]")
    spark = builder.getOrCreate()
    context = spark.sparkContext
    context.setLogLevel("ERROR")
    executor_padan = padan
    if args.padan:
        # Shipped to every executor; pipe_through finds it there through SparkFiles.
        context.addFile(padan)
    partitions = args.partitions or context.defaultParallelism
    ok, failed = [], []
    local_work = args.work_dir is None or "://" not in args.work_dir or args.work_dir.startswith("file://")
    scratch = tempfile.mkdtemp(prefix=".align_corpus-", dir=args.out_dir) if args.work_dir is None else None
    work = (scratch or args.work_dir).rstrip("/")
    hadoop = context._jvm.org.apache.hadoop.fs
    work_fs = hadoop.Path(work).getFileSystem(context._jsc.hadoopConfiguration())
    if args.work_dir is not None and work_fs.exists(hadoop.Path(work + "/aligned")):
        fail(f"{work} already holds a run's files; give a --work-dir of its own")
    try:
        pairs = context.parallelize(records, partitions)
        aligned = pairs.mapPartitions(
            pipe_through([executor_padan, "align", "--jsonl-in", "-", "--exit-zero"])
        ).persist(StorageLevel.MEMORY_AND_DISK)
        counts = aligned.mapPartitions(
            pipe_through([executor_padan, "glossary", "--from-aligned", "-", "--counts-out", "-"])
        )
        # Executors write one file a partition; nothing big passes through the driver's JVM.
        aligned.saveAsTextFile(work + "/aligned")
        counts.saveAsTextFile(work + "/counts")
        aligned.unpersist()

        def lines_of(part):
            """The lines of one partition's file, read in order, a block at a time."""
            path = f"{work}/{part}"
            if local_work:
                with open(path.removeprefix("file://"), encoding="utf-8", newline="\n") as text:
                    for line in text:
                        yield line.rstrip("\n")
            else:
                yield from context.textFile(path).toLocalIterator()

        with open_atomically(args.out_dir, "aligned.jsonl") as out:
            for k in range(partitions):
                for line in lines_of(f"aligned/part-{k:05d}"):
                    out.write(line + "\n")
                    result = json.loads(line)
                    name = name_of(result.get("id"))
                    if "error" in result:
                        failed.append((name, result["error"]))
                    else:
                        ok.append(summary_line(name, result["beads"]))
        with tempfile.TemporaryDirectory(prefix=".align_corpus-", dir=args.out_dir) as shards:
            files = []
            for k in range(partitions):
                if local_work:
                    files.append(f"{work.removeprefix('file://')}/counts/part-{k:05d}")
                    continue
                files.append(os.path.join(shards, f"part-{k:05d}.counts"))
                with open(files[-1], "w", encoding="utf-8", newline="") as shard:
                    for line in lines_of(f"counts/part-{k:05d}"):
                        shard.write(line + "\n")
            merged = subprocess.run(
                [padan, "glossary", "--merge-counts", *files,
                 "-o", os.path.join(args.out_dir, "glossary.csv")],
                stderr=subprocess.PIPE, text=True,
            )
            if merged.returncode != 0:
                sys.stderr.write(merged.stderr)
                sys.exit(merged.returncode)
    finally:
        work_fs.delete(hadoop.Path(work + "/aligned"), True)
        work_fs.delete(hadoop.Path(work + "/counts"), True)
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
        spark.stop()

    failures = failures + failed
    summary = [SUMMARY_HEADER] + ok + [failed_line(n, r) for n, r in failures]
    with open_atomically(args.out_dir, "summary.tsv") as out:
        out.write("".join(line + "\n" for line in summary))

    for name, reason in failures:
        print(f"align_corpus: {name} failed: {reason}", file=sys.stderr)
    print(
        f"align_corpus: {len(ok)} pair(s) aligned in {partitions} partition(s), {len(failures)} failed; "
        f"aligned.jsonl, glossary.csv and summary.tsv in {args.out_dir}",
        file=sys.stderr,
    )
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
