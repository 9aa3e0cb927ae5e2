#!/usr/bin/env python3
"""Render the narrated video capsules of the sample modules (helper of modules/make-capsules.sh).

For each capsule script modules/capsules/<folder>.json (format: modules/FORMAT-BRIEF.md, "Capsule script"):
slides are drawn with Pillow (text in the narration language), each slide's narration is spoken by
espeak-ng, every slide stays on screen exactly while its narration plays (plus a short pause), and
ffmpeg encodes WebM (VP9 + Opus). Writes into modules/<folder>/capsule/: capsule.webm, poster.png,
capsule.<lang>.vtt and transcript.<lang>.md for every language of the script, then sets
duration_seconds of the video activity of modules/<folder>/module.json (nothing else is touched).

Run it through make-capsules.sh, which installs the tools and the pinned Pillow first.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import wave
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# --- fixed parameters (changing any of them changes the output bytes) ------------------------------------
WIDTH, HEIGHT = 1280, 720
FPS = 5                      # slides are static; 0.2 s time grid
LEAD_S = 0.2                 # silence before the narration of each slide
TAIL_S = 0.6                 # pause after the narration of each slide (then rounded up to the frame grid)
TARGET_WPM = 155             # effective speaking rate aimed at (words / seconds of speech)
WPM_TOLERANCE = 5
DEFAULT_RATE = 145           # espeak-ng -s start value (its "wpm" is not a real wpm in every language)
VOICE_VARIANT = os.environ.get("CAPSULE_VOICE_VARIANT", "f3")
FORCED_RATE = os.environ.get("CAPSULE_RATE")
MAX_BYTES = int(os.environ.get("CAPSULE_MAX_BYTES", "3000000"))
CUE_MAX_CHARS = 84
LINE_MAX_CHARS = 42
# Encoder ladder: the first setting whose output is under MAX_BYTES wins (same inputs, same choice).
VP9_LADDER = [(36, 2.0), (42, 2.0), (48, 3.0), (54, 4.0)]   # (crf, max seconds between keyframes)
OPUS_BITRATE = "32k"
POSTER_COLOURS = 48

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"

# Palette: dark text on a warm off-white; body text contrast ~15:1, footer ~7:1 (WCAG AAA).
BG = (251, 250, 246)
TEXT = (28, 36, 48)
HEADING = (16, 42, 67)
MUTED = (74, 82, 94)
ACCENT = (11, 94, 110)
ACCENT_SOFT = (224, 236, 238)
RULE = (214, 210, 202)


def log(msg: str) -> None:
    print(f"make-capsules: {msg}", file=sys.stderr, flush=True)


class CapsuleError(Exception):
    pass


# --- script loading ----------------------------------------------------------------------------------------
@dataclass
class Slide:
    heading: dict[str, str]
    bullets: dict[str, list[str]]
    narration: dict[str, str]


@dataclass
class Script:
    folder: str
    narration_language: str
    languages: list[str]
    title: dict[str, str]
    slides: list[Slide] = field(default_factory=list)


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def load_script(path: Path, folder: str) -> Script:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise CapsuleError(f"{path}: cannot read JSON: {e}") from e
    where = str(path)

    def localized(obj, what: str, langs: list[str], kind=str):
        if not isinstance(obj, dict):
            raise CapsuleError(f"{where}: {what} must be an object keyed by language")
        if sorted(obj) != sorted(langs):
            raise CapsuleError(f"{where}: {what} has languages {sorted(obj)}, expected {sorted(langs)}")
        out = {}
        for lang in langs:
            v = obj[lang]
            if kind is str:
                if not isinstance(v, str) or not clean(v):
                    raise CapsuleError(f"{where}: {what}.{lang} must be a non-empty string")
                out[lang] = clean(v)
            else:
                if not isinstance(v, list) or not all(isinstance(x, str) and clean(x) for x in v):
                    raise CapsuleError(f"{where}: {what}.{lang} must be a list of non-empty strings")
                out[lang] = [clean(x) for x in v]
        return out

    if not isinstance(data, dict):
        raise CapsuleError(f"{where}: top level must be an object")
    nl = data.get("narration_language")
    title = data.get("title")
    if not isinstance(title, dict) or not title:
        raise CapsuleError(f"{where}: missing title")
    langs = list(title)
    if not isinstance(nl, str) or nl not in langs:
        raise CapsuleError(f"{where}: narration_language {nl!r} must be one of the title languages {langs}")
    for lang in langs:
        if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang):
            raise CapsuleError(f"{where}: odd language tag {lang!r}")
    script = Script(folder, nl, langs, localized(title, "title", langs))
    slides = data.get("slides")
    if not isinstance(slides, list) or not slides:
        raise CapsuleError(f"{where}: slides must be a non-empty list")
    for i, s in enumerate(slides, 1):
        if not isinstance(s, dict):
            raise CapsuleError(f"{where}: slide {i} must be an object")
        bullets = s.get("bullets", {lang: [] for lang in langs})
        script.slides.append(Slide(
            localized(s.get("heading"), f"slides[{i}].heading", langs),
            localized(bullets, f"slides[{i}].bullets", langs, kind=list),
            localized(s.get("narration"), f"slides[{i}].narration", langs),
        ))
        if len({len(v) for v in script.slides[-1].bullets.values()}) > 1:
            log(f"warning: {where}: slide {i}: languages have different bullet counts")
    return script


# --- slide rendering -----------------------------------------------------------------------------------------
_font_cache: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    key = (str(path), size)
    if key not in _font_cache:
        # Basic layout: no dependency on the host's raqm/fribidi/harfbuzz, so glyph placement is reproducible.
        _font_cache[key] = ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)
    return _font_cache[key]


def protect_spaces(text: str) -> str:
    """Non-breaking spaces where French typography forbids a line break."""
    text = re.sub(r" (?=[?!:;»%€])", "\u00a0", text)
    text = re.sub(r"(?<=«) ", "\u00a0", text)
    text = re.sub(r"(?<=\s)([–—]) ", "\\1\u00a0", text)
    return text


def wrap_greedy(text: str, f: ImageFont.FreeTypeFont, max_width: float) -> list[str]:
    words = protect_spaces(text).split(" ")
    lines: list[str] = []
    cur = ""
    for w in words:
        cand = w if not cur else f"{cur} {w}"
        if not cur or f.getlength(cand) <= max_width:
            cur = cand
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def wrap_pixels(text: str, f: ImageFont.FreeTypeFont, max_width: int) -> list[str]:
    """Balanced wrap: as many lines as a greedy wrap needs, but lines of similar length."""
    lines = wrap_greedy(text, f, max_width)
    if len(lines) < 2:
        return lines
    lo, hi = 0.0, float(max_width)
    for _ in range(16):
        mid = (lo + hi) / 2
        if len(wrap_greedy(text, f, mid)) <= len(lines):
            hi = mid
        else:
            lo = mid
    return wrap_greedy(text, f, hi)


def render_slide(heading: str, bullets: list[str], footer_left: str, footer_right: str) -> Image.Image:
    img = Image.new("RGB", (WIDTH, HEIGHT), BG)
    d = ImageDraw.Draw(img)
    margin_x = 96
    text_w = WIDTH - 2 * margin_x
    d.rectangle([0, 0, WIDTH, 14], fill=ACCENT)

    footer_top = 648
    # Heading: bold, up to 3 lines, shrink if needed.
    for hsize in (58, 52, 46, 40, 36):
        hf = font(FONT_BOLD, hsize)
        hlines = wrap_pixels(heading, hf, text_w)
        if len(hlines) <= 2 or hsize == 36:
            break
    y = 64
    hstep = int(hsize * 1.22)
    for line in hlines:
        d.text((margin_x, y), line, font=hf, fill=HEADING)
        y += hstep
    y += 14
    d.rectangle([margin_x, y, margin_x + 120, y + 6], fill=ACCENT)
    y += 44

    # Bullets: largest size that fits above the footer.
    avail = footer_top - 28 - y
    for bsize in (42, 40, 38, 36, 34, 32, 30, 28, 26, 24):
        bf = font(FONT_REGULAR, bsize)
        indent = int(bsize * 1.25)
        step = int(bsize * 1.36)
        gap = int(bsize * 0.62)
        blocks = [wrap_pixels(b, bf, text_w - indent) for b in bullets]
        total = sum(len(bl) * step for bl in blocks) + gap * max(0, len(blocks) - 1)
        if total <= avail:
            break
    else:
        log(f"warning: slide '{heading}': bullets overflow even at 24 px")
    for bl in blocks:
        ascent, descent = bf.getmetrics()
        cy = y + (ascent + descent) // 2 + 1
        dot(img, margin_x + 2 + bsize // 6, cy, max(5, bsize // 6))
        for line in bl:
            d.text((margin_x + indent, y), line, font=bf, fill=TEXT)
            y += step
        y += gap

    # Footer: capsule title left, "DLIS · n/N" right.
    d.line([margin_x, footer_top, WIDTH - margin_x, footer_top], fill=RULE, width=2)
    ff = font(FONT_REGULAR, 22)
    fb = font(FONT_BOLD, 22)
    right_w = ff.getlength(footer_right)
    dlis_w = fb.getlength("DLIS")
    left = footer_left
    max_left = WIDTH - 2 * margin_x - right_w - dlis_w - 60
    if ff.getlength(left) > max_left:
        while left and ff.getlength(left + "…") > max_left:
            left = left[:-1]
        left = left.rstrip() + "…"
    fy = footer_top + 22
    d.text((margin_x, fy), left, font=ff, fill=MUTED)
    x = WIDTH - margin_x - right_w
    d.text((x, fy), footer_right, font=ff, fill=MUTED)
    d.text((x - 14 - dlis_w, fy), "DLIS", font=fb, fill=ACCENT)
    return img


def dot(img: Image.Image, cx: int, cy: int, r: int, ss: int = 4) -> None:
    """Anti-aliased filled circle (drawn 4x larger on a mask, then reduced)."""
    size = 2 * r + 2
    mask = Image.new("L", (size * ss, size * ss), 0)
    ImageDraw.Draw(mask).ellipse([ss, ss, (size - 1) * ss - 1, (size - 1) * ss - 1], fill=255)
    mask = mask.resize((size, size), Image.Resampling.LANCZOS)
    img.paste(Image.new("RGB", (size, size), ACCENT), (cx - size // 2, cy - size // 2), mask)


def save_png(img: Image.Image, path: Path, colours: int | None = None) -> None:
    if colours:
        img = img.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    img.save(path, format="PNG", optimize=True)


# --- narration --------------------------------------------------------------------------------------------
@dataclass
class Audio:
    rate: int
    samples: array  # signed 16-bit mono


def espeak(text: str, lang: str, rate: int, out: Path) -> Audio:
    voice = f"{lang}+{VOICE_VARIANT}" if VOICE_VARIANT else lang
    cmd = ["espeak-ng", "-v", voice, "-s", str(rate), "-b", "1", "-w", str(out), "--", text]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0 or not out.exists():
        raise CapsuleError(f"espeak-ng failed ({' '.join(cmd[:6])}): {r.stderr.strip()}")
    with wave.open(str(out), "rb") as w:
        if w.getnchannels() != 1 or w.getsampwidth() != 2:
            raise CapsuleError(f"unexpected espeak-ng output format in {out}")
        sr = w.getframerate()
        data = array("h", w.readframes(w.getnframes()))
    if sys.byteorder != "little":
        data.byteswap()
    return Audio(sr, trim(data, sr))


def trim(data: array, sr: int, threshold: int = 256, keep_s: float = 0.04) -> array:
    """Drop leading/trailing silence, keeping keep_s of it, so pauses are ours, not espeak's."""
    n = len(data)
    start = 0
    while start < n and abs(data[start]) < threshold:
        start += 1
    end = n
    while end > start and abs(data[end - 1]) < threshold:
        end -= 1
    keep = int(keep_s * sr)
    return data[max(0, start - keep):min(n, end + keep)]


def count_words(text: str) -> int:
    """Words as people count them: whitespace-separated tokens ("l'écart" and "peut-être" are one word)."""
    return sum(1 for t in text.split() if re.search(r"\w", t))


# --- subtitles ----------------------------------------------------------------------------------------------
_SENT_END = re.compile(r"([.!?…]+[»\"”’)\]]*)\s+")


def split_sentences(text: str) -> list[str]:
    text = protect_spaces(clean(text))
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        nxt = text[m.end():m.end() + 1]
        if nxt and (nxt.isupper() or nxt.isdigit() or nxt in "«\"“(¿¡"):
            out.append(text[start:m.end(1)].strip())
            start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


def two_lines(text: str) -> list[str] | None:
    """Best split into at most two lines of LINE_MAX_CHARS (None if impossible)."""
    if len(text) <= LINE_MAX_CHARS:
        return [text]
    best = None
    for m in re.finditer(" ", text):
        a, b = text[:m.start()], text[m.end():]
        if len(a) <= LINE_MAX_CHARS and len(b) <= LINE_MAX_CHARS:
            score = abs(len(a) - len(b)) - (6 if re.search(r"[,;:]$", a) else 0)
            if len(a.rsplit(" ", 1)[-1]) <= 2:
                score += 6  # do not leave a short word ("la", "à", "a") dangling at the end of line 1
            if best is None or score < best[0]:
                best = (score, [a, b])
    return best[1] if best else None


def chunk(sentence: str) -> list[str]:
    """Split a sentence into cue-sized pieces (halves, recursively)."""
    if len(sentence) <= CUE_MAX_CHARS and two_lines(sentence):
        return [sentence]
    spaces = [m.start() for m in re.finditer(" ", sentence)]
    if not spaces:
        return [sentence]
    mid = len(sentence) / 2

    def score(i: int) -> float:
        s = abs(i - mid)
        before = sentence[:i]
        if re.search(r"[,;:)]$", before) or re.search(r"\s[–—]$", before):
            s -= len(sentence) * 0.18      # prefer cutting after a comma / clause
        return s

    cut = min(spaces, key=lambda i: (score(i), i))
    return chunk(sentence[:cut].strip()) + chunk(sentence[cut + 1:].strip())


SHORT_SENTENCE = 24  # chars; a sentence this short ("Pourquoi ?") is too brief to read as a cue alone


def cue_texts(narration: str) -> list[str]:
    sentences = split_sentences(narration)
    # Merge a very short sentence with the next one (a question with its answer), else with the previous
    # one, when the pair still fits one cue.
    def fits(a: str, b: str) -> bool:
        pair = f"{a} {b}"
        return len(pair) <= CUE_MAX_CHARS and two_lines(pair) is not None

    merged: list[str] = []
    i = 0
    while i < len(sentences):
        sent = sentences[i]
        if len(sent) <= SHORT_SENTENCE and i + 1 < len(sentences) and fits(sent, sentences[i + 1]):
            sent = f"{sent} {sentences[i + 1]}"
            i += 1
        elif len(sent) <= SHORT_SENTENCE and merged and fits(merged[-1], sent):
            merged[-1] = f"{merged[-1]} {sent}"
            i += 1
            continue
        merged.append(sent)
        i += 1
    out = []
    for sent in merged:
        out.extend(chunk(sent))
    return out


def md_escape(text: str) -> str:
    text = re.sub(r"([\\`*_\[\]<])", r"\\\1", text)
    text = re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return re.sub(r"^([#>+-])", r"\\\1", text)


def ts(t: float) -> str:
    ms = int(round(t * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def place_cues(texts: list[str], weights: list[float], start: float, end: float) -> list[tuple[int, int, str]]:
    """Cues with integer millisecond times, contiguous, proportional to weights, inside [start, end]."""
    total = sum(weights) or 1.0
    a = int(round(start * 1000))
    b = int(round(end * 1000))
    cues, acc = [], 0.0
    prev = a
    for i, (t, w) in enumerate(zip(texts, weights)):
        acc += w
        nxt = b if i == len(texts) - 1 else a + int(round((b - a) * acc / total))
        nxt = max(nxt, prev + 1)
        cues.append((prev, nxt, t))
        prev = nxt
    return cues


def vtt_text(cues: list[tuple[int, int, str]]) -> str:
    lines = ["WEBVTT", ""]
    for i, (a, b, text) in enumerate(cues, 1):
        body = "\n".join(two_lines(text) or [text])
        body = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        lines += [str(i), f"{ts(a / 1000)} --> {ts(b / 1000)}", body, ""]
    return "\n".join(lines)


# --- the build -------------------------------------------------------------------------------------------
def run(cmd: list[str]) -> str:
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise CapsuleError(f"command failed: {' '.join(cmd)}\n{r.stderr.strip()}")
    return r.stdout


def encode(frames_dir: Path, wav: Path, out: Path, crf: int, gop: int, keyframes: str) -> int:
    # No frame limit: the frames and the WAV have the same length, and a limit on the picture
    # (-frames:v) ended the file while the sound lagged behind the VP9 encoder's look-ahead,
    # which cut the last five seconds of narration.
    cmd = [
        "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-framerate", str(FPS), "-i", str(frames_dir / "%05d.png"),
        "-i", str(wav),
        "-map", "0:v:0", "-map", "1:a:0", "-map_metadata", "-1", "-map_chapters", "-1",
        "-vf", "scale=out_color_matrix=bt709:out_range=tv:flags=bicubic+accurate_rnd,format=yuv420p",
        "-c:v", "libvpx-vp9", "-crf", str(crf), "-b:v", "0",
        "-deadline", "good", "-cpu-used", "1", "-threads", "1", "-row-mt", "0",
        "-tile-columns", "0", "-frame-parallel", "0",
        "-g", str(gop), "-force_key_frames", keyframes,
        "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", "-color_range", "tv",
        "-c:a", "libopus", "-b:a", OPUS_BITRATE, "-vbr", "on", "-application", "voip",
        "-ac", "1", "-ar", "48000",
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
        "-f", "webm", str(out),
    ]
    run(cmd)
    return out.stat().st_size


def write_if_changed(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def synthesize(script: Script, work: Path) -> tuple[list[Audio], int, float]:
    nl = script.narration_language
    texts = [s.narration[nl] for s in script.slides]
    words = sum(count_words(t) for t in texts)
    rate = int(FORCED_RATE) if FORCED_RATE else DEFAULT_RATE
    for attempt in range(4):
        audios = [espeak(t, nl, rate, work / f"narration-{i:02d}.wav") for i, t in enumerate(texts, 1)]
        speech = sum(len(a.samples) / a.rate for a in audios)
        wpm = words / speech * 60 if speech else 0.0
        if FORCED_RATE or abs(wpm - TARGET_WPM) <= WPM_TOLERANCE or attempt == 3:
            return audios, rate, wpm
        rate = max(80, min(320, int(round(rate * TARGET_WPM / wpm))))
    raise AssertionError


def build(script: Script, modules_dir: Path, keep_work: bool) -> dict:
    folder = script.folder
    nl = script.narration_language
    out_dir = modules_dir / folder / "capsule"
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"capsule-{folder}-"))
    try:
        # 1. narration, calibrated to ~TARGET_WPM
        audios, rate, wpm = synthesize(script, work)
        sr = audios[0].rate
        if any(a.rate != sr for a in audios):
            raise CapsuleError("espeak-ng produced different sample rates")
        spf = sr / FPS  # samples per video frame
        if spf != int(spf):
            raise CapsuleError(f"sample rate {sr} is not a multiple of {FPS} fps")
        spf = int(spf)

        # 2. timeline on the frame grid: lead + speech + pause, rounded up to whole frames
        lead = int(round(LEAD_S * sr))
        timeline = []  # (first_frame, n_frames, speech_start_s, speech_end_s)
        frame = 0
        pcm = array("h")
        for a in audios:
            need = lead + len(a.samples) + int(round(TAIL_S * sr))
            nframes = -(-need // spf)
            start_s = frame / FPS
            timeline.append((frame, nframes, start_s + lead / sr, start_s + (lead + len(a.samples)) / sr))
            pcm.extend(array("h", bytes(2 * lead)))
            pcm.extend(a.samples)
            pcm.extend(array("h", bytes(2 * (nframes * spf - lead - len(a.samples)))))
            frame += nframes
        total_frames = frame
        duration = total_frames / FPS
        if sys.byteorder != "little":
            pcm.byteswap()
        with wave.open(str(work / "narration.wav"), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(sr)
            w.writeframes(pcm.tobytes())

        # 3. slides and the frame sequence (hard links, one per video frame)
        frames_dir = work / "frames"
        frames_dir.mkdir()
        n = len(script.slides)
        slide_pngs = []
        for i, s in enumerate(script.slides, 1):
            img = render_slide(s.heading[nl], s.bullets[nl], script.title[nl], f"{i} / {n}")
            p = work / f"slide-{i:02d}.png"
            img.save(p, format="PNG", compress_level=1)
            slide_pngs.append((p, img))
        k = 0
        for (p, _), (first, nframes, _, _) in zip(slide_pngs, timeline):
            for _ in range(nframes):
                k += 1
                dst = frames_dir / f"{k:05d}.png"
                try:
                    os.link(p, dst)
                except OSError:
                    shutil.copyfile(p, dst)

        # 4. encode (a keyframe at every slide change and at least every `gop` seconds)
        tmp_webm = work / "capsule.webm"
        for crf, gop in VP9_LADDER:
            # Keyframes: at each slide start, then evenly spaced inside the slide, at most `gop` s apart
            # (so no keyframe lands just before a slide change). The encoder's own limit is set just
            # above, as a safety net only.
            kf = []
            max_dist = int(gop * FPS)
            for first, nframes, _, _ in timeline:
                parts = -(-nframes // max_dist)
                kf += [first + (j * nframes) // parts for j in range(parts)]
            keyframes = ",".join(f"{f / FPS:.3f}" for f in kf)
            size = encode(frames_dir, work / "narration.wav", tmp_webm, crf, max_dist + 1, keyframes)
            if size < MAX_BYTES:
                break
            log(f"{folder}: {size} bytes with crf {crf}, keyframes every {gop} s: over budget, trying harder")
        else:
            raise CapsuleError(f"{folder}: capsule.webm is {size} bytes, over the {MAX_BYTES}-byte budget "
                               f"even at crf {crf}: shorten the narration")
        probe = json.loads(run(["ffprobe", "-v", "error", "-show_entries",
                                "format=duration:stream=codec_type,codec_name,width,height,channels,sample_rate"
                                ":stream_tags=DURATION",
                                "-of", "json", str(tmp_webm)]))
        codecs = sorted((s["codec_type"], s["codec_name"]) for s in probe["streams"])
        if codecs != [("audio", "opus"), ("video", "vp9")]:
            raise CapsuleError(f"{folder}: unexpected streams {codecs}")
        probed = float(probe["format"]["duration"])
        if abs(probed - duration) > 0.1:
            raise CapsuleError(f"{folder}: ffprobe says {probed:.3f} s, expected {duration:.3f} s")
        for stream in probe["streams"]:  # each stream, too: the sound must last as long as the picture
            h, m, sec = stream.get("tags", {}).get("DURATION", "0:0:0").split(":")
            length = int(h) * 3600 + int(m) * 60 + float(sec)
            if abs(length - duration) > 0.1:
                raise CapsuleError(f"{folder}: the {stream['codec_type']} lasts {length:.3f} s, "
                                   f"expected {duration:.3f} s")

        # 5. poster, subtitles, transcripts (everything is checked before anything is written)
        outputs: dict[str, bytes] = {"capsule.webm": tmp_webm.read_bytes()}
        poster = work / "poster.png"
        save_png(slide_pngs[0][1], poster, POSTER_COLOURS)
        outputs["poster.png"] = poster.read_bytes()

        vtt_sizes = {}
        for lang in script.languages:
            cues = []
            for s, (first, nframes, s0, s1) in zip(script.slides, timeline):
                texts = cue_texts(s.narration[lang])
                if lang == nl and len(texts) > 1:
                    # Weight each cue by how long espeak-ng takes to say it alone (closer to the real
                    # timing than a character count, since sentence pauses are included).
                    weights = [float(len(espeak(t, nl, rate, work / "cue.wav").samples)) for t in texts]
                else:
                    weights = [float(len(t)) for t in texts]
                # The last cue of a slide lingers a little after the voice stops, never past the slide.
                cue_end = min(s1 + 0.3, (first + nframes) / FPS)
                cues.extend(place_cues(texts, weights, s0, cue_end))
            text = vtt_text(cues)
            check_vtt(text, duration)
            outputs[f"capsule.{lang}.vtt"] = text.encode("utf-8")
            vtt_sizes[lang] = len(cues)

            md = [f"# {md_escape(script.title[lang])}", ""]
            for s in script.slides:
                md += [f"## {md_escape(s.heading[lang])}", "", md_escape(s.narration[lang]), ""]
            outputs[f"transcript.{lang}.md"] = "\n".join(md).encode("utf-8")

        for name, data in outputs.items():
            write_if_changed(out_dir / name, data)
        update_module(modules_dir / folder / "module.json", round(duration, 1), script)
        return {
            "folder": folder, "size": size, "duration": duration, "slides": n, "rate": rate, "wpm": wpm,
            "cues": vtt_sizes, "sha256": hashlib.sha256(outputs["capsule.webm"]).hexdigest(),
            "poster": len(outputs["poster.png"]),
        }
    finally:
        if keep_work:
            log(f"work files kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def check_vtt(text: str, duration: float) -> None:
    """Minimal WebVTT sanity check: header, timing lines, ordered, non-overlapping, inside the video."""
    blocks = text.replace("\r\n", "\n").split("\n\n")
    if not blocks[0].startswith("WEBVTT"):
        raise CapsuleError("VTT without WEBVTT header")
    prev_end = 0.0
    pat = re.compile(r"^(\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3}) --> (\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3})$")

    def secs(h, m, s_, ms):
        return int(h) * 3600 + int(m) * 60 + int(s_) + int(ms) / 1000

    for b in blocks[1:]:
        lines = [ln for ln in b.split("\n") if ln != ""]
        if not lines:
            continue
        timing = next((ln for ln in lines if "-->" in ln), None)
        m = pat.match(timing or "")
        if not m:
            raise CapsuleError(f"bad VTT cue timing {timing!r}")
        a, e = secs(*m.groups()[:4]), secs(*m.groups()[4:])
        if not (prev_end - 1e-9 <= a < e <= duration + 1e-9):
            raise CapsuleError(f"VTT cue {timing} overlaps, is empty or exceeds {duration:.3f} s")
        body = lines[lines.index(timing) + 1:]
        if not body or len(body) > 2 or "-->" in "".join(body):
            raise CapsuleError(f"VTT cue {timing} has {len(body)} text lines")
        prev_end = e


def update_module(path: Path, duration: float, script: Script) -> None:
    if not path.exists():
        log(f"warning: {path} does not exist yet: duration_seconds ({duration}) not written")
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    videos = [a for a in data.get("activities", []) if isinstance(a, dict) and a.get("kind") == "video"]
    if len(videos) > 1:
        videos = [a for a in videos if (a.get("source") or {}).get("path") == "capsule/capsule.webm"] or videos[:1]
    if not videos:
        raise CapsuleError(f"{path}: no activity with kind \"video\"")
    video = videos[0]
    # Consistency warnings only; the generator writes nothing else into module.json.
    langs = data.get("languages")
    if isinstance(langs, list) and sorted(langs) != sorted(script.languages):
        log(f"warning: {path}: languages {langs} differ from the capsule script's {script.languages}")
    for key, pattern in (("subtitles", "capsule/capsule.{}.vtt"), ("transcript", "capsule/transcript.{}.md")):
        expected = {lang: pattern.format(lang) for lang in script.languages}
        if video.get(key) != expected:
            log(f"warning: {path}: video {key} is {video.get(key)}, the generated files are {expected}")
    if (video.get("source") or {}).get("path") != "capsule/capsule.webm":
        log(f"warning: {path}: video source is not capsule/capsule.webm")
    if video.get("poster") != "capsule/poster.png":
        log(f"warning: {path}: video poster is not capsule/poster.png")
    video["duration_seconds"] = duration
    out = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    raw = path.read_text(encoding="utf-8")
    if raw != out:
        # The file is not in canonical indent=2 form (hand-formatted): if it holds a single
        # "duration_seconds", change just that number so the authors' layout is kept; accept the edit only
        # if it parses to exactly the same data as the json-level edit, else fall back to the full dump.
        spots = list(re.finditer(r'("duration_seconds"\s*:\s*)(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)', raw))
        if len(spots) == 1:
            m = spots[0]
            candidate = raw[:m.start(2)] + json.dumps(duration) + raw[m.end(2):]
            try:
                if json.loads(candidate) == data:
                    out = candidate
            except ValueError:
                pass
    write_if_changed(path, out.encode("utf-8"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--modules-dir", type=Path, default=Path(__file__).resolve().parent)
    ap.add_argument("--keep-work", action="store_true", default=os.environ.get("CAPSULE_KEEP_WORK") == "1",
                    help="keep the temporary work directory (slides, WAV, frames)")
    ap.add_argument("folders", nargs="*", help="module folders (default: every modules/capsules/*.json)")
    args = ap.parse_args()
    modules_dir = args.modules_dir.resolve()
    caps_dir = modules_dir / "capsules"
    folders = [f.rstrip("/") for f in args.folders] or sorted(p.stem for p in caps_dir.glob("*.json"))
    if not folders:
        log(f"no capsule scripts in {caps_dir}")
        return 1
    for name in (FONT_REGULAR, FONT_BOLD):
        if not name.exists():
            log(f"error: missing font {name} (apt-get install fonts-dejavu-core)")
            return 1
    failed = []
    for folder in folders:
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", folder):
            log(f"error: {folder!r} is not a module folder name")
            failed.append(folder)
            continue
        path = caps_dir / f"{folder}.json"
        if not path.exists():
            log(f"error: {path} not found")
            failed.append(folder)
            continue
        log(f"{folder}: building")
        try:
            r = build(load_script(path, folder), modules_dir, args.keep_work)
        except CapsuleError as e:
            log(f"error: {e}")
            failed.append(folder)
            continue
        log(f"{folder}: {r['slides']} slides, {r['duration']:.1f} s, capsule.webm {r['size']} bytes "
            f"({r['size'] / 1e6:.2f} MB), poster.png {r['poster']} bytes, espeak-ng -s {r['rate']} "
            f"(~{r['wpm']:.0f} words/min), cues {r['cues']}, sha256 {r['sha256'][:16]}")
    if failed:
        log(f"FAILED: {' '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
