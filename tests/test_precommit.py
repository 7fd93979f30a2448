"""The pre-commit hook: the generated .pre-commit-hooks.yaml, and the REAL pre-commit
framework running it in a temporary git repository holding plan files.

pre-commit installs this repository into a virtualenv of its own (pip, build isolation,
dependencies from the package index), as it would for a plan team. ``try-repo`` builds
that environment in a throw-away store on every call (it ignores PRE_COMMIT_HOME), so it
is used once; the other cases run ``pre-commit run`` against a snapshot of this working
tree with one PRE_COMMIT_HOME shared by the module, so the environment is built once.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pre_commit.clientlib import load_manifest

from lsip_check import precommit
from tests.conftest import BUNDLED_DATA, EXAMPLES, ROOT
from tests.test_examples import FLAWED

PRE_COMMIT = (sys.executable, "-m", "pre_commit")
FLAWED_DIR = EXAMPLES / "flawed"
PLAN = "plans/lancashire-draft.lsip.yaml"
ANNEX = "plans/lancashire-actions.annex.yaml"
LSIP304 = f"{PLAN}:609:19: LSIP304 [error]"  # needs the SOC reference data
NO_DATA = "Reference data not available"
INSTALL_TIMEOUT = 600  # a first pip install from the package index can be slow


# -- the generated manifest ------------------------------------------------------------


def test_hooks_file_is_generated_from_the_catalogue() -> None:
    assert precommit.HOOKS_FILE.read_text(encoding="utf-8") == precommit.render(), (
        "stale: run `python -m lsip_check.precommit --write`"
    )


def test_pre_commit_accepts_the_manifest_and_it_says_what_the_catalogue_says() -> None:
    (hook,) = load_manifest(str(precommit.HOOKS_FILE))
    assert {k: hook[k] for k in precommit.HOOKS[0]} == precommit.HOOKS[0]
    assert hook["id"] == "lsip-check"
    assert (hook["entry"], hook["pass_filenames"], hook["require_serial"]) == (
        "lsip-check check .",
        False,
        True,
    )


@pytest.mark.parametrize(
    ("name", "triggers"),
    [
        ("plan.lsip.yaml", True),
        ("plans/Kent.LSIP.YML", True),
        ("plans/draft.lsip.md", True),
        ("plans/actions.annex.yaml", True),
        ("plans/actions.annex.yml", True),
        ("README.md", False),
        (".github/workflows/ci.yaml", False),
        (".pre-commit-config.yaml", False),
        ("plans/lsip.yaml", False),
        ("plan.lsip.yaml.bak", False),
        ("annex.yaml", False),
    ],
)
def test_files_pattern_matches_plan_and_annex_files_only(
    name: str, triggers: bool
) -> None:
    # pre-commit filters with re.search on the path relative to the repository root
    assert bool(re.search(precommit.files_pattern(), name)) is triggers


def test_print_without_write_prints_the_manifest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert precommit.main([]) == 0
    assert capsys.readouterr().out == precommit.render()


def _blocks(markdown: str, lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```$", markdown, flags=re.M | re.S)


def test_docs_table_shows_the_generated_settings() -> None:
    doc = (ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    hook = precommit.HOOKS[0]
    for key in ("entry", "pass_filenames", "files", "require_serial", "language"):
        value = hook[key]
        shown = str(value).lower() if isinstance(value, bool) else value
        assert f"| `{key}` | `{shown.replace('|', chr(92) + '|')}` |" in doc, key


def test_readme_snippet_is_a_config_pre_commit_accepts(tmp_path: Path) -> None:
    from pre_commit.clientlib import load_config

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (snippet,) = [b for b in _blocks(readme, "yaml") if "repos:" in b]
    (tmp_path / ".pre-commit-config.yaml").write_text(snippet, encoding="utf-8")
    (repo,) = load_config(str(tmp_path / ".pre-commit-config.yaml"))["repos"]
    assert [h["id"] for h in repo["hooks"]] == [h["id"] for h in precommit.HOOKS]


def test_docs_name_the_rules_that_need_reference_data() -> None:
    from lsip_check.engine.rules import load_rules

    doc = (ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    needing = [  # the hook checks one plan at a time: set rules (audit) never run
        r.code for r in load_rules() if r.needs_reference_data and r.scope == "plan"
    ]
    listed = re.search(
        r"The rules about SIC and SOC codes and LSIP areas \((.*?)\)", doc, re.S
    )
    assert listed is not None
    assert re.findall(r"LSIP\d{3}", listed.group(1)) == needing


def test_ci_recipe_uploads_sarif_with_the_permission_it_needs() -> None:
    from ruamel.yaml import YAML

    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = YAML(typ="safe").load(_blocks(doc, "yaml")[0])
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["lsip-check"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert "lsip-check check . --format sarif --output lsip.sarif" in runs
    upload = steps[-1]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "lsip.sarif"
    assert upload["if"] == "${{ !cancelled() }}"


# -- the real framework ----------------------------------------------------------------


def _env(home: Path, *, data: bool) -> dict[str, str]:
    """The environment of a plan author's shell: no PYTHONPATH pointing into this
    checkout (the hook must run from its own install) and LSIP_CHECK_DATA only if asked."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GIT_") and k not in ("PYTHONPATH", "LSIP_CHECK_DATA")
    }
    env |= {"PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1"}
    if data:
        env["LSIP_CHECK_DATA"] = str(BUNDLED_DATA)
    return env


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
        env=_env(repo, data=False),
    ).stdout


def _new_repo(path: Path, files: dict[str, str | Path]) -> Path:
    """A git repository holding ``files`` (text, or a file to copy), all committed."""
    path.mkdir(parents=True, exist_ok=True)
    _git(path, "init", "-q")
    _git(path, "config", "user.name", "Plan Author")
    _git(path, "config", "user.email", "author@example.org")
    _git(path, "config", "commit.gpgsign", "false")
    for name, content in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        else:
            target.write_text(content, encoding="utf-8")
    _git(path, "add", "-A")
    _git(path, "commit", "-q", "-m", "plans")
    return path


def _pre_commit(
    repo: Path, home: Path, *args: str, data: bool = True
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PRE_COMMIT, *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env=_env(home, data=data),
        timeout=INSTALL_TIMEOUT,
    )


def _flawed_files() -> dict[str, str | Path]:
    return {
        PLAN: FLAWED_DIR / "lancashire-draft.lsip.yaml",
        ANNEX: FLAWED_DIR / "lancashire-actions.annex.yaml",
        "README.md": "# Our plan\n\nThe Lancashire LSIP, checked by lsip-check.\n",
    }


def _findings(output: str) -> list[str]:
    """Every `file:line:col: CODE` a hook printed, in order."""
    return re.findall(r"^(\S+:\d+:\d+: LSIP\d{3})", output, flags=re.M)


EXPECTED_FLAWED = [
    f"plans/{file}:{line}:{col}: {code}" for code, file, line, col in FLAWED
]


def test_try_repo_on_a_flawed_plan_fails_and_prints_its_findings(
    tmp_path: Path,
) -> None:
    plans = _new_repo(tmp_path / "plans", _flawed_files())
    proc = _pre_commit(
        plans, tmp_path / "home", "try-repo", str(ROOT), "lsip-check", "--all-files"
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert re.search(
        r"^lsip-check \(Local Skills Improvement Plans\)\.+Failed$", out, re.M
    ), out
    assert "- exit code: 1" in out
    assert _findings(out) == EXPECTED_FLAWED
    assert "Checked 1 plan: 12 errors, 5 warnings, 2 infos." in out
    assert NO_DATA not in out


@dataclass
class HookRepo:
    """A committed snapshot of this working tree, and a pre-commit home holding the
    hook's environment, installed without reference data (as for a plan team)."""

    path: Path
    rev: str
    home: Path

    def config(self, args: list[str] | None = None) -> str:
        extra = f"\n        args: [{', '.join(args)}]" if args else ""
        return (
            "repos:\n"
            f"  - repo: {self.path.as_posix()}\n"
            f"    rev: {self.rev}\n"
            "    hooks:\n"
            f"      - id: lsip-check{extra}\n"
        )

    def plan_repo(self, path: Path, files: dict[str, str | Path]) -> Path:
        return _new_repo(path, {".pre-commit-config.yaml": self.config(), **files})

    def run(
        self, repo: Path, *args: str, data: bool = True
    ) -> subprocess.CompletedProcess[str]:
        return _pre_commit(repo, self.home, "run", *args, data=data)


def _snapshot(target: Path) -> Path:
    """Copy this working tree (tracked and untracked, not ignored) into a fresh repo."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    files: dict[str, str | Path] = {
        name: ROOT / name for name in listed.split("\0") if (ROOT / name).is_file()
    }
    return _new_repo(target, files)


@pytest.fixture(scope="module")
def hook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HookRepo]:
    repo = _snapshot(tmp_path_factory.mktemp("hook-repo") / "lsip-check")
    rev = _git(repo, "rev-parse", "HEAD").strip()
    hook = HookRepo(repo, rev, tmp_path_factory.mktemp("pre-commit-home"))
    probe = hook.plan_repo(tmp_path_factory.mktemp("probe") / "plans", {})
    proc = _pre_commit(probe, hook.home, "install-hooks", data=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    yield hook


def test_compliant_plan_passes_and_other_files_are_never_checked(
    hook: HookRepo, tmp_path: Path
) -> None:
    repo = hook.plan_repo(
        tmp_path / "plans",
        {
            "plans/kent-and-medway.lsip.yaml": EXAMPLES / "kent-and-medway.lsip.yaml",
            "README.md": "# Kent and Medway LSIP\n\n- [ ] not a plan\n",
            ".github/workflows/ci.yaml": (
                "name: ci\non: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n"
                "    steps:\n      - uses: actions/checkout@v4\n"
            ),
            # broken YAML and a plan-shaped file without the plan suffix: would be
            # LSIP001/LSIP002 findings if the hook checked them
            "notes/meeting.yaml": "agenda: [unclosed\n",
            "drafts/old-plan.yaml": "lsip_plan: 1\nidentity: {area: Nowhere}\n",
            "docs/index.md": "# Notes\n",
        },
    )
    proc = hook.run(repo, "--all-files", "--verbose")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert re.search(
        r"^lsip-check \(Local Skills Improvement Plans\)\.+Passed$", out, re.M
    )
    assert "Checked 1 plan: 0 errors, 0 warnings, 0 infos." in out
    assert _findings(out) == []


def test_a_change_to_the_readme_alone_does_not_run_the_hook(
    hook: HookRepo, tmp_path: Path
) -> None:
    repo = hook.plan_repo(tmp_path / "plans", _flawed_files())
    (repo / "README.md").write_text("# Our plan\n\nNow with a typo fixed.\n")
    (repo / ".github").mkdir()
    (repo / ".github" / "ci.yaml").write_text("on: [push\n")
    _git(repo, "add", "-A")
    proc = hook.run(repo)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert re.search(
        r"^lsip-check \(Local.*\(no files to check\)Skipped$", out, re.M
    ), out


def test_a_change_to_the_annex_alone_checks_the_whole_plan(
    hook: HookRepo, tmp_path: Path
) -> None:
    repo = hook.plan_repo(tmp_path / "plans", _flawed_files())
    with (repo / ANNEX).open("a", encoding="utf-8") as annex:
        annex.write("# reviewed by the ERB board\n")
    _git(repo, "add", ANNEX)
    assert _git(repo, "diff", "--cached", "--name-only").split() == [ANNEX]
    proc = hook.run(repo)  # the staged files only, as in `git commit`
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    # findings in the unchanged main file too: the plan was checked whole, once
    assert _findings(out) == EXPECTED_FLAWED
    assert "Checked 1 plan: 12 errors, 5 warnings, 2 infos." in out


def test_the_hook_needs_no_reference_data_args(hook: HookRepo, tmp_path: Path) -> None:
    """The data ships inside the package: a bare hook decides every rule."""
    repo = hook.plan_repo(tmp_path / "plans", _flawed_files())
    bare = hook.run(repo, "--all-files", data=False)
    out = bare.stdout + bare.stderr
    assert bare.returncode == 1, out
    assert NO_DATA not in out
    assert LSIP304 in out
    assert _findings(out) == EXPECTED_FLAWED
