"""The analysis depends neither on the working directory nor on the locale, and two runs at once into two output
folders do not disturb each other."""

import os
import subprocess
import sys

import pandas as pd

from mediabrief.config import RAW_DIR

TABLES = ["articles.csv", "money.csv", "stance.csv", "claims.csv", "citations.csv", "reuse.csv", "origins.csv"]


def test_two_concurrent_runs_from_other_folders_and_locales_write_the_same_tables(tmp_path):
    runs = {
        "plain": ({}, tmp_path),
        "c_locale": ({"LC_ALL": "C", "LANG": "C"}, RAW_DIR),
        "german": ({"LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8", "LANGUAGE": "de"}, "/"),
    }
    processes = {
        name: subprocess.Popen(
            [sys.executable, "-m", "mediabrief", "analyze", str(RAW_DIR), "--out", str(tmp_path / name)],
            cwd=cwd,
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, (env, cwd) in runs.items()
    }
    for name, process in processes.items():
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, (name, err[-2000:])
    for table in TABLES:
        plain = pd.read_csv(tmp_path / "plain" / table)
        for name in ("c_locale", "german"):
            pd.testing.assert_frame_equal(pd.read_csv(tmp_path / name / table), plain, obj=f"{name}/{table}")
