"""Confine a query worker process: no outbound network, bounded memory, low priority, no core.

Why in the worker and not only in the query check: pyoxigraph's engine has an HTTP client
(``SERVICE <http://...>`` makes it POST the sub-query to that URL), and a check of the query text,
however careful, is one parser's opinion of what another parser will do. So a worker cannot open
an IP socket at all: a seccomp filter, installed before the store is opened and inherited by every
thread the engine starts, makes ``socket(AF_INET|AF_INET6, ...)`` fail with ``EACCES``. Unix
sockets and the pipe to the server still work. The filter is plain classic BPF built here with
ctypes (no dependency), for x86-64 and AArch64; elsewhere :func:`block_ip_sockets` says it could
not, and the server refuses to start isolated workers there (see :func:`enter_sandbox`).

The other limits: ``RLIMIT_AS`` (address space, a hard stop for runaway allocations between two
RSS checks of the server), ``RLIMIT_CORE`` 0 (a crash writes no core file), ``nice`` 10 (under
load the server's event loop wins the CPU over evaluations), and ``PR_SET_PDEATHSIG`` (a worker
dies with the process that started it, even when that one is SIGKILLed).

Example:
    >>> isinstance(sandbox_supported(), bool)
    True
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import platform
import resource
import signal
import struct

__all__ = ["SandboxError", "block_ip_sockets", "enter_sandbox", "sandbox_supported"]

_PR_SET_PDEATHSIG = 1
_PR_SET_SECCOMP = 22
_PR_SET_NO_NEW_PRIVS = 38
_SECCOMP_MODE_FILTER = 2
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
_EACCES = 13
_AF_INET, _AF_INET6 = 2, 10
# (audit arch, socket syscall number, first syscall number of another ABI to refuse or None)
_ARCHES = {
    "x86_64": (0xC000003E, 41, 0x40000000),  # x32 syscalls have bit 30 set
    "aarch64": (0xC00000B7, 198, None),
}
# classic BPF opcodes
_LD_W_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JEQ_K = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JGE_K = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_RET_K = 0x06  # BPF_RET | BPF_K


class SandboxError(RuntimeError):
    """The worker could not be confined (the server then refuses to run queries in it)."""


class _Filter(ctypes.Structure):
    _fields_ = (
        ("len", ctypes.c_ushort),
        ("filter", ctypes.c_void_p),
    )


def sandbox_supported() -> bool:
    """True on a Linux machine whose architecture the socket filter knows."""
    return platform.system() == "Linux" and platform.machine() in _ARCHES


def _program(arch: int, socket_nr: int, other_abi: int | None) -> bytes:
    """The BPF program: refuse ``socket()`` for IPv4/IPv6 (and any foreign ABI), allow the rest."""
    ins: list[tuple[int, int, int, int]] = []
    deny_errno = _SECCOMP_RET_ERRNO | _EACCES
    # Offsets in struct seccomp_data: nr 0, arch 4, args[0] 16 (low word, little-endian).
    ins.append((_LD_W_ABS, 0, 0, 4))
    ins.append((_JEQ_K, 1, 0, arch))  # our ABI: go on; else deny
    ins.append((_RET_K, 0, 0, deny_errno))
    ins.append((_LD_W_ABS, 0, 0, 0))
    if other_abi is not None:
        ins.append((_JGE_K, 0, 1, other_abi))  # x32 numbers: deny
        ins.append((_RET_K, 0, 0, deny_errno))
    ins.append((_JEQ_K, 0, 3, socket_nr))  # not socket(): allow (3 ahead)
    ins.append((_LD_W_ABS, 0, 0, 16))
    ins.append((_JEQ_K, 2, 0, _AF_INET))
    ins.append((_JEQ_K, 1, 0, _AF_INET6))
    ins.append((_RET_K, 0, 0, _SECCOMP_RET_ALLOW))
    ins.append((_RET_K, 0, 0, deny_errno))
    return b"".join(struct.pack("HBBI", *i) for i in ins)


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)


def block_ip_sockets() -> None:
    """Install the seccomp filter: from now on this process cannot create IPv4/IPv6 sockets.

    Call it before starting threads (a filter applies to the calling thread and the threads it
    creates later). It cannot be removed.

    Raises:
        SandboxError: on a system where the filter is unknown or the kernel refuses it.
    """
    machine = platform.machine()
    if not sandbox_supported():
        raise SandboxError(f"no socket filter for {platform.system()} {machine}")
    arch, socket_nr, other = _ARCHES[machine]
    code = _program(arch, socket_nr, other)
    buf = ctypes.create_string_buffer(code, len(code))
    prog = _Filter(len(code) // 8, ctypes.cast(buf, ctypes.c_void_p))
    libc = _libc()
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise SandboxError(f"prctl(NO_NEW_PRIVS) failed: {os.strerror(ctypes.get_errno())}")
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0:
        raise SandboxError(f"seccomp filter refused: {os.strerror(ctypes.get_errno())}")


def enter_sandbox(address_space_mb: int) -> None:
    """Confine this worker: die with its parent, no core, nice 10, ``RLIMIT_AS``, no IP sockets.

    Raises:
        SandboxError: when a step fails (the caller reports it and exits).
    """
    parent = os.getppid()
    libc = _libc()
    if libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) != 0:
        raise SandboxError("prctl(PDEATHSIG) failed")
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    limit = address_space_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.nice(10)
    block_ip_sockets()
