# Writes OUT (a header) defining GILPY_COMPILER_HASH: a 64-bit value taken
# from the SHA-256 of every file in FILES (a |-separated list). The bytecode cache mixes
# it into its signature, so any change to the tokenizer, parser, compiler,
# opcode table or marshal format invalidates stale .gilpy-01.pyc files.
string(REPLACE "|" ";" FILES "${FILES}")
set(all "")
foreach(f ${FILES})
  file(SHA256 ${f} h)
  string(APPEND all "${f}:${h};")
endforeach()
string(SHA256 total "${all}")
string(SUBSTRING ${total} 0 16 short)
set(text "#pragma once\n#define GILPY_COMPILER_HASH 0x${short}ull\n")
if(EXISTS ${OUT})
  file(READ ${OUT} old)
  if(old STREQUAL text)
    return()  # unchanged: keep the timestamp so nothing recompiles
  endif()
endif()
file(WRITE ${OUT} "${text}")
