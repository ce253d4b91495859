"""LibreOffice as a converter: one headless ``soffice`` run per document, in a private folder, with the official faces
mapped to installed open fonts, under a time limit.

Each conversion gets its own temporary folder holding the input, LibreOffice's user profile
(``-env:UserInstallation``) and a fontconfig file, so conversions running in parallel never share a profile (two
``soffice`` processes on one profile block each other or exit without output). ``soffice`` runs in its own process
group: when the time limit passes, the whole group is killed, not only the launcher script.

Fonts: an official report names 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312 and 宋体, which a Linux machine does not
have; left alone, LibreOffice falls back to one sans face for all of them. :data:`FONT_ALIASES` maps each name (and
its usual Windows and pinyin names) to an open face, strongly, through a fontconfig file that includes the
system's own configuration.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from xml.sax.saxutils import escape

from disclosure_core.errors import RenderError

SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"
KAI = "AR PL UKai CN"

FONT_ALIASES: Mapping[str, tuple[str, ...]] = {
    # the open faces a name is drawn with, best first (fontconfig takes the first one installed)
    "方正小标宋简体": (SERIF,),
    "方正小标宋_GBK": (SERIF,),
    "华文中宋": (SERIF,),
    "宋体": (SERIF,),
    "SimSun": (SERIF,),
    "仿宋_GB2312": (SERIF,),
    "仿宋": (SERIF,),
    "FangSong": (SERIF,),
    "FangSong_GB2312": (SERIF,),
    "黑体": (SANS,),
    "SimHei": (SANS,),
    "楷体_GB2312": (KAI, "AR PL UKai TW", SERIF),
    "楷体": (KAI, "AR PL UKai TW", SERIF),
    "KaiTi": (KAI, "AR PL UKai TW", SERIF),
    "KaiTi_GB2312": (KAI, "AR PL UKai TW", SERIF),
}
"""Official face → open faces. Title and body share Noto Serif; the title is told apart by weight (see
:data:`BOLD_FACES`), 黑体 is the sans face, 楷体 the Kai face."""

BOLD_FACES = frozenset({"方正小标宋简体", "方正小标宋_GBK", "华文中宋"})
"""Faces drawn bold: 小标宋 is a heavy Song face, and Noto Serif CJK at its regular weight would look like the body."""

DEFAULT_TIMEOUT = 180.0
"""Seconds a conversion may take (a first start of LibreOffice on a loaded machine takes 10–30 s)."""


def fontconfig(system: str = "/etc/fonts/fonts.conf") -> str:
    """A fontconfig file: the system's configuration, plus a strong substitution for every official face.

    >>> text = fontconfig()
    >>> "<string>仿宋_GB2312</string>" in text and f"<string>{SANS}</string>" in text
    True
    """
    rules = []
    for name, faces in FONT_ALIASES.items():
        prefer = "".join(f"<string>{escape(face)}</string>" for face in faces)
        weight = '<edit name="weight" mode="assign"><const>bold</const></edit>' if name in BOLD_FACES else ""
        rules.append(
            f'<match target="pattern"><test name="family" compare="eq"><string>{escape(name)}</string></test>'
            f'<edit name="family" mode="assign" binding="strong">{prefer}</edit>{weight}</match>'
        )
    include = f'<include ignore_missing="yes">{escape(system)}</include>' if Path(system).exists() else ""
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig>{include}{''.join(rules)}</fontconfig>\n"
    )


def soffice() -> str:
    """The path of LibreOffice's ``soffice``; :class:`RenderError` when it is not installed.

    ``DISCLOSURE_SOFFICE`` names another program (a LibreOffice installed outside ``PATH``).
    """
    wanted = os.environ.get("DISCLOSURE_SOFFICE")
    for candidate in (wanted,) if wanted else ("soffice", "libreoffice"):
        found = shutil.which(candidate)
        if found:
            return found
    raise RenderError.keyed("docx.soffice_missing", program=wanted or "soffice")


def convert(data: bytes, *, suffix: str, target: str, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """Convert a document (``data``, a file named ``*{suffix}``) with LibreOffice to ``target`` (a
    ``--convert-to`` argument such as ``pdf`` or ``pdf:writer_pdf_Export:{...}``) and return the result.

    Raises :class:`RenderError` when LibreOffice is missing, fails, exceeds ``timeout`` or writes nothing.
    """
    return convert_many({f"document{suffix}": data}, target=target, timeout=timeout)[f"document{suffix}"]


def convert_many(documents: Mapping[str, bytes], *, target: str, timeout: float = DEFAULT_TIMEOUT) -> dict[str, bytes]:
    """Convert several documents (file name → bytes) in one LibreOffice run, which starts the program once.

    Returns the converted bytes under each input's file name.
    """
    program = soffice()
    extension = target.split(":")[0]
    with tempfile.TemporaryDirectory(prefix="disclosure-soffice-") as folder_name:
        folder = Path(folder_name)
        (folder / "in").mkdir()
        for name, data in documents.items():
            if Path(name).name != name or name.startswith("."):
                raise ValueError(f"{name!r} is not a plain file name")
            (folder / "in" / name).write_bytes(data)
        (folder / "fonts.conf").write_text(fontconfig(), encoding="utf-8")
        environment = {
            **os.environ,
            "FONTCONFIG_FILE": str(folder / "fonts.conf"),
            "HOME": str(folder),  # LibreOffice and fontconfig write caches under HOME: keep them private too
            "SAL_USE_VCLPLUGIN": "svp",  # headless: no display needed
        }
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(folder / "out"),
            *(str(folder / "in" / name) for name in documents),
        ]
        _run(command, environment, timeout)
        converted = {}
        for name in documents:
            written = folder / "out" / f"{Path(name).stem}.{extension}"
            if not written.exists():
                raise RenderError.keyed("docx.soffice_nothing", extension=extension, name=name)
            converted[name] = written.read_bytes()
        return converted


def _run(command: list[str], environment: dict[str, str], timeout: float) -> None:
    # A new session puts soffice and the oosplash/soffice.bin it starts in one process group we can kill whole.
    with subprocess.Popen(
        command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    ) as process:
        try:
            _, error = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise RenderError.keyed("docx.soffice_timeout", seconds=f"{timeout:g}") from None
    if process.returncode != 0:
        message = error.decode("utf-8", "replace").strip().splitlines()
        last = message[-1] if message else "—"
        raise RenderError.keyed("docx.soffice_failed", code=process.returncode, message=last)
