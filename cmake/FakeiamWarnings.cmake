# fakeiam_warnings(<target>): the project's warning flags, kept to its own targets so that
# consumers' builds are not affected.
function(fakeiam_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(FAKEIAM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
