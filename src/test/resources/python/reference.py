"""Reference features for the Java tests, computed the seed's way (PIL + torchvision).

Usage: reference.py --images LIST --out DIR [--weights NPZ] [--torchscript PT] [--export PT]
  LIST    one image path per line
  NPZ     ResNet-18 weights named as torchvision's state_dict (no fc)
Writes DIR/tensors.npy (N x 3 x 224 x 224) and, with a model, DIR/features.npy (N x d).
"""
import argparse

import numpy as np
import torch
import torchvision
from PIL import Image
from torchvision import transforms

MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]


def load_tensors(list_file):
    t = transforms.Compose(
        [transforms.Resize((224, 224)), transforms.ToTensor(), transforms.Normalize(MEAN, STD)]
    )
    with open(list_file) as f:
        paths = [line.strip() for line in f if line.strip()]
    return torch.stack([t(Image.open(p).convert("RGB")) for p in paths])


def resnet18_from(npz_file):
    net = torchvision.models.resnet18()
    net.fc = torch.nn.Identity()
    state = {k: torch.from_numpy(v) for k, v in np.load(npz_file).items()}
    missing, unexpected = net.load_state_dict(state, strict=False)
    missing = [m for m in missing if not m.endswith("num_batches_tracked")]
    if missing or unexpected:
        raise SystemExit("weights do not fit resnet18: %s %s" % (missing, unexpected))
    return net.eval()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--images", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--weights")
    p.add_argument("--torchscript")
    p.add_argument("--export")
    a = p.parse_args()
    x = load_tensors(a.images)
    np.save(a.out + "/tensors.npy", x.numpy())
    model = None
    if a.weights:
        model = resnet18_from(a.weights)
    elif a.torchscript:
        model = torch.jit.load(a.torchscript).eval()
    if model is None:
        return
    with torch.no_grad():
        np.save(a.out + "/features.npy", model(x).numpy())
        if a.export:
            torch.jit.trace(model, torch.zeros(1, 3, 224, 224)).save(a.export)


if __name__ == "__main__":
    main()
