/* Test harness only, never shipped: Wine 8 (Debian 12) lacks bcryptprimitives.dll, whose
 * ProcessPrng is where Rust >= 1.78's standard library gets randomness on Windows. This
 * stand-in forwards to RtlGenRandom (SystemFunction036), which Wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    return SystemFunction036(data, (ULONG)length);
}
