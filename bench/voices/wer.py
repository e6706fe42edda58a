#!/usr/bin/env python3
"""Word error rate of a recognizer transcript against a reference text: (substitutions + deletions + insertions) / reference words."""
import re
import sys


def words(text):
    text = text.lower().replace("-", " ")
    return re.findall(r"[a-z']+", text)


def wer(reference, hypothesis):
    ref, hyp = words(reference), words(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h))
        previous = current
    return previous[-1] / max(1, len(ref)), len(ref)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        reference = f.read()
    with open(sys.argv[2], encoding="utf-8") as f:
        hypothesis = f.read()
    rate, count = wer(reference, hypothesis)
    print(f"{rate:.4f} {count}")
