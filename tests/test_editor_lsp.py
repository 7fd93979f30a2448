"""Editor help: plans written by ``init`` and ``convert`` carry the schema modeline, and
the REAL yaml-language-server (npm; ``.ci/run`` installs it into ``.ci/node/``), driven
here as an LSP client over stdio, validates the examples, flags a misspelt key and
shows the schema's descriptions on hover.

The client speaks JSON-RPC with Content-Length framing (the Language Server Protocol's
base protocol), written with the standard library only."""

from __future__ import annotations

import json
import queue
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lsip_check import __version__
from lsip_check.authoring.yamlout import SCHEMA_URL
from lsip_check.discover import PLAN_SUFFIXES
from tests.conftest import EXAMPLES, ROOT, run_cli

SCHEMA = ROOT / "schemas" / "plan.schema.json"
SERVER_JS = ROOT / ".ci/node/node_modules/yaml-language-server/bin/yaml-language-server"
NOT_INSTALLED = (
    "yaml-language-server is not installed: `.ci/run` installs it (npm install "
    "--prefix .ci/node yaml-language-server), so this runs in CI"
)
TIMEOUT = 20.0
MODELINE = f"# yaml-language-server: $schema={SCHEMA_URL}"


def _blocks(markdown: str, lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```$", markdown, flags=re.M | re.S)


EDITORS_DOC = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")


# -- what lsip-check writes, and what the docs promise (no server needed) ----------------


def test_the_schema_url_names_this_repository_file_at_the_release_tag() -> None:
    prefix = f"https://raw.githubusercontent.com/lsip-check/lsip-check/v{__version__}/"
    assert SCHEMA_URL.startswith(prefix)
    assert (ROOT / SCHEMA_URL.removeprefix(prefix)) == SCHEMA


def test_init_writes_the_modeline_first(tmp_path: Path) -> None:
    proc = run_cli(
        "init", "--area", "Kent and Medway", "--format", "yaml", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "kent-and-medway.lsip.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINE


def test_convert_to_yaml_writes_the_modeline_and_markdown_has_none(
    tmp_path: Path,
) -> None:
    yaml_text = run_cli("convert", str(EXAMPLES / "kent-and-medway.lsip.md")).stdout
    assert yaml_text.splitlines()[0] == MODELINE
    md = run_cli("convert", str(EXAMPLES / "kent-and-medway.lsip.yaml")).stdout
    assert md.startswith("---\nlsip_plan: 1\n")
    assert "yaml-language-server" not in md


def test_the_docs_give_the_modeline_the_vs_code_setting_and_a_catalogue_entry() -> None:
    assert MODELINE in EDITORS_DOC
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert MODELINE in readme
    blocks = [json.loads(b) for b in _blocks(EDITORS_DOC, "json")]
    (settings,) = [b for b in blocks if "yaml.schemas" in b]
    (entry,) = [b for b in blocks if "fileMatch" in b]
    assert settings["yaml.schemas"] == {SCHEMA_URL: ["*.lsip.yaml", "*.lsip.yml"]}
    yaml_suffixes = [s for s in PLAN_SUFFIXES if not s.endswith(".md")]
    assert entry["fileMatch"] == [f"*{s}" for s in yaml_suffixes]
    assert entry["url"] == SCHEMA_URL
    assert entry["versions"] == {__version__: SCHEMA_URL}
    assert entry["name"] and entry["description"]


# -- the real language server ------------------------------------------------------------


def _server_command() -> list[str] | None:
    node = shutil.which("node")
    if node and SERVER_JS.is_file():
        return [node, str(SERVER_JS), "--stdio"]
    installed = shutil.which("yaml-language-server")
    return [installed, "--stdio"] if node and installed else None


class LanguageServer:
    """A yaml-language-server process and a minimal LSP client for it."""

    def __init__(self, command: list[str], settings: dict[str, Any]) -> None:
        self.settings = settings
        self.proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.diagnostics: dict[str, list[list[dict[str, Any]]]] = {}
        self.next_id = 0
        #: the diagnostics of the first document a fixture opened
        self.probe: list[dict[str, Any]] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if not line.strip():
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            assert length is not None, "a message without Content-Length"
            self.inbox.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def _answer(self, message: dict[str, Any]) -> None:
        """Answer a request from the server: its settings, or null."""
        result: Any = None
        if message["method"] == "workspace/configuration":
            items = message["params"]["items"]
            result = [self.settings.get(i.get("section", "")) for i in items]
        self._send({"id": message["id"], "result": result})

    def _pump(self, done: Any) -> Any:
        """Handle messages until ``done(message)`` gives something; return it."""
        deadline = time.monotonic() + TIMEOUT
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = self.inbox.get(timeout=left)
            except queue.Empty:
                break
            assert message is not None, "yaml-language-server stopped"
            if "method" in message and "id" in message:
                self._answer(message)
                continue
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                self.diagnostics.setdefault(params["uri"], []).append(
                    params["diagnostics"]
                )
            found = done(message)
            if found is not None:
                return found
        raise AssertionError(f"no answer from yaml-language-server in {TIMEOUT} s")

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        ident = self.next_id
        self._send({"id": ident, "method": method, "params": params})
        reply = self._pump(lambda m: m if m.get("id") == ident else None)
        assert "error" not in reply, reply
        return reply["result"]

    def open(self, path: Path, text: str | None = None) -> list[dict[str, Any]]:
        """Open a document; return the first diagnostics published for it."""
        uri = path.as_uri()
        self.diagnostics.pop(uri, None)
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": "yaml",
                    "version": 1,
                    "text": path.read_text(encoding="utf-8") if text is None else text,
                }
            },
        )
        return self._pump(lambda _: (self.diagnostics.get(uri) or [None])[0])  # type: ignore[no-any-return]

    def hover(self, path: Path, line: int, character: int) -> str:
        result = self.request(
            "textDocument/hover",
            {
                "textDocument": {"uri": path.as_uri()},
                "position": {"line": line, "character": character},
            },
        )
        assert result is not None, "no hover"
        contents = result["contents"]
        return contents["value"] if isinstance(contents, dict) else str(contents)

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.proc.wait(timeout=5)
        except (AssertionError, OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        self.reader.join(timeout=5)  # it ends at the end of the output
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()


class StandInProxy:
    """An HTTP proxy on the loopback address that records the first request it is sent
    and ends the tunnel, so the server's fetch of the published schema fails at once and
    nothing leaves the machine."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(TIMEOUT)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.requests: list[str] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            self.requests.append(conn.recv(4096).decode("latin-1"))
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")

    def close(self) -> None:
        self.sock.close()


def _session(settings: dict[str, Any]) -> Iterator[LanguageServer]:
    command = _server_command()
    if command is None:
        pytest.skip(NOT_INSTALLED)
    server = LanguageServer(command, settings)
    try:
        server.request(
            "initialize",
            {
                "processId": None,
                "rootUri": ROOT.as_uri(),
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "publishDiagnostics": {},
                    },
                },
            },
        )
        server.notify("initialized", {})
        server.notify("workspace/didChangeConfiguration", {"settings": settings})
        yield server
    finally:
        server.close()


def _yaml_settings(**extra: Any) -> dict[str, Any]:
    # schemaStore off: no catalogue download, only the schema named here
    return {
        "yaml": {
            "validate": True,
            "hover": True,
            "completion": True,
            "schemaStore": {"enable": False},
            **extra,
        }
    }


FLAWED = EXAMPLES / "flawed" / "lancashire-draft.lsip.yaml"


@pytest.fixture(scope="module")
def by_modeline() -> Iterator[LanguageServer]:
    """A server with no schema association: only the files' own modelines count. The
    flawed draft is opened first: its problems show the schema was found, so a later
    "no diagnostic" means valid, not unchecked."""
    for server in _session(_yaml_settings()):
        server.probe = server.open(FLAWED)
        yield server


@pytest.fixture(scope="module")
def proxy() -> Iterator[StandInProxy]:
    stand_in = StandInProxy()
    yield stand_in
    stand_in.close()


@pytest.fixture(scope="module")
def by_setting(proxy: StandInProxy) -> Iterator[LanguageServer]:
    """A server set up as docs/editors.md says for VS Code (`yaml.schemas` mapping
    plan files to the schema; here the local copy, as the test must not go online)."""
    settings = _yaml_settings(schemas={SCHEMA.as_uri(): ["*.lsip.yaml"]})
    settings["http"] = {"proxy": proxy.url, "proxyStrictSSL": True}
    yield from _session(settings)


def _places(diagnostics: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """(line, column, message), 1-based as lsip-check prints them."""
    return [
        (
            d["range"]["start"]["line"] + 1,
            d["range"]["start"]["character"] + 1,
            d["message"],
        )
        for d in diagnostics
    ]


def test_the_flawed_draft_gets_its_two_schema_problems_by_its_modeline(
    by_modeline: LanguageServer,
) -> None:
    assert _places(by_modeline.probe) == [
        # lsip-check: LSIP002 at 410:9, the same misspelt key
        (410, 9, "Property recruitment_dificulty is not allowed."),
        # lsip-check: LSIP303, SIC 1110 has lost its leading zero (editors see a number)
        (659, 19, 'Incorrect type. Expected "string".'),
    ]


@pytest.mark.parametrize(
    "name", ["kent-and-medway.lsip.yaml", "greater-manchester.lsip.yaml"]
)
def test_the_compliant_examples_have_no_diagnostic(
    by_modeline: LanguageServer, name: str
) -> None:
    assert by_modeline.probe, "the schema was not found: nothing was checked"
    assert by_modeline.open(EXAMPLES / name) == []


def _copied_plan(folder: Path, misspelt: bool = False) -> tuple[Path, list[str]]:
    """The Kent and Medway example copied out of the repository, without its
    repository-relative modeline (optionally with `priorities:` misspelt)."""
    lines = (EXAMPLES / "kent-and-medway.lsip.yaml").read_text("utf-8").splitlines()
    assert lines[0].startswith("# yaml-language-server:")
    lines = lines[1:]
    if misspelt:
        lines = [re.sub(r"^priorities:", "prioritys:", line) for line in lines]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kent-and-medway.lsip.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, lines


def test_a_misspelt_key_in_a_copied_plan_gets_one_diagnostic_at_its_line(
    by_setting: LanguageServer, tmp_path: Path
) -> None:
    path, lines = _copied_plan(tmp_path / "misspelt", misspelt=True)
    line = lines.index("prioritys:") + 1
    assert _places(by_setting.open(path)) == [
        (line, 1, "Property prioritys is not allowed.")
    ]
    clean, _ = _copied_plan(tmp_path / "clean")
    assert by_setting.open(clean) == []


def _description(*path: str) -> str:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    node = schema
    for key in path:
        node = node[key]
    return str(node["description"])


def test_hover_on_a_key_shows_its_description_from_the_schema(
    by_setting: LanguageServer, tmp_path: Path
) -> None:
    path, lines = _copied_plan(tmp_path / "hover")
    by_setting.open(path)
    top = lines.index("priorities:")
    assert _description("properties", "priorities") in by_setting.hover(path, top, 2)
    erb = next(i for i, line in enumerate(lines) if line.startswith("  erb:"))
    shown = by_setting.hover(path, erb, 3)
    assert _description("$defs", "Identity", "properties", "erb") in shown
    assert shown.startswith("#### Erb")


def test_a_plan_written_by_init_points_the_server_at_the_published_schema(
    by_setting: LanguageServer, proxy: StandInProxy, tmp_path: Path
) -> None:
    proc = run_cli(
        "init", "--area", "Kent and Medway", "--format", "yaml", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    # the modeline wins over the setting: the server asks for exactly that URL
    (diagnostic,) = by_setting.open(tmp_path / "kent-and-medway.lsip.yaml")
    assert diagnostic["message"].startswith(
        f"Unable to load schema from '{SCHEMA_URL}'"
    )
    assert proxy.requests and proxy.requests[0].startswith(
        "CONNECT raw.githubusercontent.com:443 "
    )
