#!/usr/bin/env python3
"""Writes small stand-ins for the folders the notebooks read, in the formats slda writes.

    python3 scripts/notebook_fixtures.py OUT_DIR

creates OUT_DIR/run (a run folder: metrics, confusion matrices, checkpoints, ...),
OUT_DIR/sweep (summary.json and summary.csv of a sweep) and OUT_DIR/data (a dataset root in
the CORe50 layout: PNGs and NC filelists). scripts/run-notebooks.sh uses them when the Maven
suite left no real run, so that the notebooks can be executed on any machine. The numbers
are made up (seeded): they exercise the notebooks, they mean nothing.
"""

import csv
import json
import sys
from pathlib import Path

import numpy as np
from PIL import Image

CLASSES = 10
DIM = 32
BATCHES = 5
TRAIN_SESSIONS = (1, 2)
TEST_SESSION = 3
FRAMES = 4
ABSENT_FROM_TEST = 7  # a class with no test image: its accuracies are null


def write_json(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2) + "\n")


def image_name(session, obj, frame):
    return f"s{session}/o{obj}/C_{session:02d}_{obj:02d}_{frame:03d}.png"


def write_dataset(root, rng):
    """PNGs of 128 x 128 (one colour per object, noise per frame) and NC run 0 filelists."""
    images = root / "core50_128x128"
    sessions = (*TRAIN_SESSIONS, TEST_SESSION)
    for session in sessions:
        for obj in range(1, CLASSES + 1):
            if session == TEST_SESSION and obj - 1 == ABSENT_FROM_TEST:
                continue
            colour = np.array([obj * 23 % 256, obj * 71 % 256, obj * 131 % 256], np.float32)
            for frame in range(FRAMES):
                pixels = colour + rng.normal(0, 30, (128, 128, 3))
                path = images / image_name(session, obj, frame)
                path.parent.mkdir(parents=True, exist_ok=True)
                Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(path)
    lists = root / "batches_filelists" / "NC_inc" / "run0"
    per_batch = CLASSES // BATCHES
    for b in range(BATCHES):
        lines = [f"{image_name(s, c + 1, f)} {c}"
                 for c in range(b * per_batch, (b + 1) * per_batch)
                 for s in TRAIN_SESSIONS for f in range(FRAMES)]
        (lists / f"train_batch_{b:02d}_filelist.txt").parent.mkdir(parents=True, exist_ok=True)
        (lists / f"train_batch_{b:02d}_filelist.txt").write_text("\n".join(lines) + "\n")
    test = [f"{image_name(TEST_SESSION, c + 1, f)} {c}"
            for c in range(CLASSES) if c != ABSENT_FROM_TEST for f in range(FRAMES)]
    (lists / "test_filelist.txt").write_text("\n".join(test) + "\n")
    return [int(line.split()[1]) for line in test]


def confusion_after(batch, truth, rng):
    """Seen classes are mostly right, with some confusion; unseen ones go to seen classes."""
    seen = (batch + 1) * (CLASSES // BATCHES)
    matrix = np.zeros((CLASSES, CLASSES), np.int64)
    predictions = []
    for y in truth:
        if y < seen and rng.random() < 0.8:
            p = y
        else:
            p = int(rng.integers(0, seen))
        matrix[y, p] += 1
        predictions.append(p)
    return matrix, predictions


def metrics_of(confusions):
    def per_class(m):
        totals = m.sum(axis=1)
        return [None if t == 0 else float(m[k, k] / t) for k, t in enumerate(totals)]

    acc = [float(np.trace(m) / m.sum()) for m in confusions]
    per_batch = [per_class(m) for m in confusions]
    forgetting = []
    for k in range(CLASSES):
        history = [row[k] for row in per_batch if row[k] is not None and row[k] > 0]
        last = per_batch[-1][k]
        forgetting.append(None if not history or last is None else max(history) - last)
    known = [f for f in forgetting if f is not None]
    return {
        "accuracy_per_batch": acc,
        "final_accuracy": acc[-1],
        "mean_incremental_accuracy": float(np.mean(acc)),
        "per_class_accuracy_per_batch": per_batch,
        "final_per_class_accuracy": per_batch[-1],
        "forgetting_per_class": forgetting,
        "mean_forgetting": float(np.mean(known)) if known else None,
    }


def checkpoint(path, batch, rng):
    """An .npz with the arrays, dtypes and shapes of slda's checkpoint format version 1."""
    seen = (batch + 1) * (CLASSES // BATCHES)
    counts = np.zeros(CLASSES, np.float32)
    counts[:seen] = len(TRAIN_SESSIONS) * FRAMES
    means = np.zeros((CLASSES, DIM), np.float32)
    means[:seen] = rng.normal(0, 1, (seen, DIM))
    a = rng.normal(0, 0.3, (DIM, DIM))
    sigma = (a @ a.T / DIM + 0.5 * np.eye(DIM)).astype(np.float32)
    np.savez(path, muK=means, cK=counts, Sigma=sigma,
             num_updates=np.array(int(counts.sum()), np.int64),
             shrinkage=np.array(1e-4), plastic_cov=np.array(1, np.int64),
             mask_unseen=np.array(0, np.int64), format_version=np.array(1, np.int64))


def write_run(run, truth, rng):
    run.mkdir(parents=True, exist_ok=True)
    confusions, predictions = [], None
    for b in range(BATCHES):
        matrix, predictions = confusion_after(b, truth, rng)
        confusions.append(matrix)
        checkpoint(run / f"slda_model_batch_{b}.npz", b, rng)
    checkpoint(run / "final_slda_model.npz", BATCHES - 1, rng)
    metrics = metrics_of(confusions)
    write_json(run / "metrics.json", metrics)
    write_json(run / "accuracies.json", metrics["accuracy_per_batch"])
    write_json(run / "confusion_matrices.json", [m.tolist() for m in confusions])
    write_json(run / "final_predictions.json", predictions)
    write_json(run / "parameter_arguments.json", {
        "scenario": "nc", "run": 0, "level": "object", "backbone": "random-resnet18:0",
        "shrinkage": 1e-4, "plastic_cov": True, "mask_unseen": False, "fixture": True})
    write_json(run / "experimental_meta_data.json", {
        "test_accuracies": metrics["accuracy_per_batch"], "time_minutes": 0.5,
        "avg_ram_mb": 900.0, "max_ram_mb": 1200.0, "ext_mem_mb": 2.0,
        "stage_seconds": {"spark_start": 3.0, "extract": 20.0, "fit": 1.5, "score": 4.0},
        "fit_images_per_second": 5000.0,
        "mean_incremental_accuracy": metrics["mean_incremental_accuracy"]})
    write_json(run / "_SUCCESS", {"complete": True})


def write_sweep(sweep, rng):
    rows = []
    for scenario in ("nc", "ni"):
        for shrinkage in (1e-4, 1e-2):
            for plastic in (True, False):
                for run in range(3):
                    base = 0.5 + 0.1 * plastic + (0.05 if scenario == "ni" else 0)
                    curve = [float(np.clip(base + 0.08 * b + rng.normal(0, 0.03), 0, 1))
                             for b in range(BATCHES)]
                    rows.append({
                        "scenario": scenario, "run": run, "shrinkage": shrinkage,
                        "plastic_cov": plastic, "mask_unseen": False,
                        "accuracy_per_batch": curve, "final_accuracy": curve[-1],
                        "mean_incremental_accuracy": float(np.mean(curve)),
                        "seconds": float(rng.uniform(30, 60))})
    write_json(sweep / "summary.json", rows)
    with open(sweep / "summary.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "accuracy_per_batch":
                             ";".join(f"{a:.6f}" for a in row["accuracy_per_batch"])})


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: notebook_fixtures.py OUT_DIR")
    out = Path(argv[1])
    rng = np.random.default_rng(7)
    truth = write_dataset(out / "data", rng)
    write_run(out / "run", truth, rng)
    write_sweep(out / "sweep", rng)
    print(f"notebook fixtures in {out}: run/, sweep/, data/")


if __name__ == "__main__":
    main(sys.argv)
