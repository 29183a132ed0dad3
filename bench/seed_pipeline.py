#!/usr/bin/python3
"""The seed's pipeline as a plain PyTorch script: the baseline of bench/run-all.sh (issue 8).

It does what the seed tutorial does, on CPU, with nothing of ours in the loop: PIL decode,
torchvision Resize((224, 224)) + ToTensor + Normalize(ImageNet), a forward pass of a traced
ResNet-18 in batches of 32, and Deep SLDA fitted one sample at a time in float32 torch, with
the precision matrix from torch.pinverse after every change, as the seed's model does it.

Modes (each prints tab-separated "name value" lines that run-all.sh parses):
  --extract   time end-to-end extraction of every image under ROOT/core50_128x128 (decode,
              resize, normalise, forward, write the features to one .npy) and, on the same
              model, the forward pass alone over as many images of preprocessed input.
  --full      the seed's whole NC job: for each training batch of the filelists, extract its
              features, fit SLDA per sample, save the model; then re-extract the whole test set
              and predict it, as the seed's evaluate() does after every batch.
  --fit N     per-sample SLDA fit throughput at d = 512, C = 50 on N Gaussian samples.

Runs under Debian's /usr/bin/python3 (torch 1.13, torchvision 0.14). Data loading runs in the
main process (num_workers = 0) so that it shares the same cores as our Spark run does.
"""

import argparse
import json
import os
import resource
import sys
import time

import numpy as np
import torch
from PIL import Image
from torchvision import transforms

IMAGE_FOLDER = "core50_128x128"
MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]


def seed_transform():
    """The seed's test and train transform (get_data in the tutorial)."""
    return transforms.Compose([
        transforms.Resize((224, 224)),
        transforms.ToTensor(),
        transforms.Normalize(mean=MEAN, std=STD),
    ])


class ImageList(torch.utils.data.Dataset):
    """(path relative to the image folder, label) pairs, decoded with PIL on access."""

    def __init__(self, folder, items):
        self.folder = folder
        self.items = items
        self.transform = seed_transform()

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        rel, label = self.items[i]
        with Image.open(os.path.join(self.folder, rel)) as img:
            return self.transform(img.convert("RGB")), label


def loader(folder, items, batch):
    return torch.utils.data.DataLoader(
        ImageList(folder, items), batch_size=batch, shuffle=False, num_workers=0)


def read_filelist(path):
    items = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if parts:
                items.append((parts[0], int(parts[1])))
    return items


def features(model, folder, items, batch):
    """N x d float32 features of the listed images, in list order."""
    out = []
    with torch.no_grad():
        for x, _ in loader(folder, items, batch):
            out.append(model(x).reshape(x.shape[0], -1))
    return torch.cat(out) if out else torch.empty(0)


class SeedSlda:
    """Deep SLDA as the seed writes it (zeros means, ones covariance, per-sample fit,
    pinverse of the shrunk covariance whenever the model changed), float32 on CPU."""

    def __init__(self, dim, classes, shrinkage=1e-4, plastic=True):
        self.dim = dim
        self.shrinkage = shrinkage
        self.plastic = plastic
        self.mu = torch.zeros((classes, dim))
        # One count per class: the tutorial's slide shapes it C x d, which does not broadcast
        # in its own mean update below (torch 1.13 refuses the 1 x 1 x d result).
        self.counts = torch.zeros(classes)
        self.sigma = torch.ones((dim, dim))
        self.t = 0
        self.precision = None
        self.precision_at = -1

    def fit_one(self, z, y):
        """One sample z (1 x d) of class y (a 1-element long tensor)."""
        with torch.no_grad():
            if self.plastic:
                v = z - self.mu[y]
                outer = torch.matmul(v.transpose(1, 0), v)
                step = outer * self.t / (self.t + 1)
                self.sigma = (self.t * self.sigma + step) / (self.t + 1)
            self.mu[y, :] += (z - self.mu[y, :]) / (self.counts[y] + 1).unsqueeze(1)
            self.counts[y] += 1
            self.t += 1

    def scores(self, x):
        with torch.no_grad():
            if self.precision_at != self.t:
                shrunk = (1 - self.shrinkage) * self.sigma \
                    + self.shrinkage * torch.eye(self.dim)
                self.precision = torch.pinverse(shrunk)
                self.precision_at = self.t
            m = self.mu.transpose(1, 0)
            w = torch.matmul(self.precision, m)
            c = 0.5 * torch.sum(m * w, dim=0)
            return torch.matmul(x, w) - c

    def state(self):
        return {"muK": self.mu, "cK": self.counts, "Sigma": self.sigma,
                "num_updates": self.t}


def peak_rss_mb():
    # ru_maxrss is in kB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def emit(name, value):
    print("%s\t%s" % (name, value), flush=True)


def run_extract(model, root, out, batch):
    folder = os.path.join(root, IMAGE_FOLDER)
    paths = sorted(os.path.relpath(os.path.join(d, f), folder)
                   for d, _, files in os.walk(folder) for f in files if f.endswith(".png"))
    items = [(p, 0) for p in paths]
    warm = next(iter(loader(folder, items[:batch], batch)))[0]
    with torch.no_grad():
        model(warm)

    t0 = time.perf_counter()
    feats = features(model, folder, items, batch)
    np.save(os.path.join(out, "seed_features.npy"), feats.numpy().astype(np.float32))
    end_to_end = time.perf_counter() - t0

    # The forward pass alone: the same number of images, already preprocessed in memory.
    batches = len(items) // batch
    t0 = time.perf_counter()
    with torch.no_grad():
        for _ in range(batches):
            model(warm)
    forward = time.perf_counter() - t0
    emit("extract_images", len(items))
    emit("extract_seconds", "%.3f" % end_to_end)
    emit("forward_images", batches * batch)
    emit("forward_seconds", "%.3f" % forward)


def run_full(model, args, threads):
    """The NC job. threads = (forward, SLDA): the per-sample fit's element-wise 512 x 512 steps
    gain nothing from a second thread, and on a busy machine OpenMP's waiting threads made them
    up to 30x slower, so the baseline gets its faster setting, one thread, by default."""
    root, out, batch = args.data, args.out, args.batch
    start = time.perf_counter()
    folder = os.path.join(root, IMAGE_FOLDER)
    lists = os.path.join(root, "batches_filelists", args.scenario, "run%d" % args.run)
    names = sorted(f for f in os.listdir(lists) if f.startswith("train_batch_"))
    train = [read_filelist(os.path.join(lists, f)) for f in names]
    test = read_filelist(os.path.join(lists, "test_filelist.txt"))
    classes = 1 + max(label for items in train + [test] for _, label in items)
    test_y = torch.tensor([label for _, label in test])
    stages = {"extract_train": 0.0, "fit": 0.0, "save": 0.0, "extract_test": 0.0,
              "predict": 0.0}
    slda = None
    accuracies = []
    for i, items in enumerate(train):
        t0 = time.perf_counter()
        torch.set_num_threads(threads[0])
        x = features(model, folder, items, batch)
        t1 = time.perf_counter()
        torch.set_num_threads(threads[1])
        if slda is None:
            slda = SeedSlda(x.shape[1], classes)
        for z, y in zip(x, (label for _, label in items)):
            slda.fit_one(z.unsqueeze(0), torch.tensor([y]))
        t2 = time.perf_counter()
        torch.save(slda.state(), os.path.join(out, "slda_model_batch_%d.pth" % i))
        t3 = time.perf_counter()
        torch.set_num_threads(threads[0])
        xt = features(model, folder, test, batch)
        t4 = time.perf_counter()
        torch.set_num_threads(threads[1])
        pred = torch.softmax(slda.scores(xt), dim=1).argmax(dim=1)
        accuracies.append((pred == test_y).sum().item() / len(test))
        t5 = time.perf_counter()
        for key, s in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            stages[key] += s
        print("batch %d/%d: %d images, test accuracy %.4f" % (
            i + 1, len(train), len(items), accuracies[-1]), file=sys.stderr)
    with open(os.path.join(out, "accuracies.json"), "w") as f:
        json.dump(accuracies, f)
    for key, s in stages.items():
        emit("stage_" + key, "%.3f" % s)
    emit("train_images", sum(len(items) for items in train))
    emit("test_images", len(test))
    emit("batches", len(train))
    emit("final_accuracy", "%.4f" % accuracies[-1])
    emit("job_seconds", "%.3f" % (time.perf_counter() - start))


def run_fit(n, dim=512, classes=50, seed=42):
    gen = torch.Generator().manual_seed(seed)
    y = torch.randint(0, classes, (n,), generator=gen)
    x = torch.randn((n, dim), generator=gen) + (y % 7).unsqueeze(1).float()
    slda = SeedSlda(dim, classes)
    slda.fit_one(x[:1], y[:1])  # warm-up, not timed
    slda = SeedSlda(dim, classes)
    t0 = time.perf_counter()
    for i in range(n):
        slda.fit_one(x[i:i + 1], y[i:i + 1])
    emit("fit_samples", n)
    emit("fit_seconds", "%.3f" % (time.perf_counter() - t0))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--extract", action="store_true")
    mode.add_argument("--full", action="store_true")
    mode.add_argument("--fit", type=int, metavar="N")
    p.add_argument("--data", help="dataset root (CORe50 layout)")
    p.add_argument("--model", help="TorchScript ResNet-18 file (N x 3 x 224 x 224 -> N x d)")
    p.add_argument("--out", help="folder for the features / checkpoints")
    p.add_argument("--scenario", default="NC_inc")
    p.add_argument("--run", type=int, default=0)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--threads", type=int, default=2, help="torch threads of the forward pass")
    p.add_argument("--fit-threads", type=int, default=1,
                   help="torch threads of the SLDA fit and predict (see run_full)")
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    if args.fit:
        torch.set_num_threads(args.fit_threads)
        run_fit(args.fit)
    else:
        os.makedirs(args.out, exist_ok=True)
        model = torch.jit.load(args.model).eval()
        if args.extract:
            run_extract(model, args.data, args.out, args.batch)
        else:
            run_full(model, args, (args.threads, args.fit_threads))
    emit("peak_rss_mb", "%.1f" % peak_rss_mb())


if __name__ == "__main__":
    main()
