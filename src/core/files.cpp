#include "core/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace fakeiam::internal {
namespace {

Error FileError(const std::string& path, const std::string& what, int err) {
  return Error::Make(ErrorCode::InvalidInput, path + ": " + what + ": " + std::strerror(err));
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return FileError(path, "cannot open", errno);
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) return FileError(path, "cannot read", errno);
  return contents.str();
}

Result<void> WriteFileAtomically(const std::string& path, std::string_view contents) {
  std::string pattern = path + ".tmp-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return FileError(path, "cannot create a temporary file beside it", errno);
  const std::string temp(name.data());
  const bool written = WriteAll(fd, contents) && ::fsync(fd) == 0;
  const int write_errno = errno;
  ::close(fd);
  if (!written) {
    ::unlink(temp.c_str());
    return FileError(temp, "cannot write", write_errno);
  }
  // mkstemp makes the file private (0600); give it the usual permissions of a data file.
  ::chmod(temp.c_str(), 0644);
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int rename_errno = errno;
    ::unlink(temp.c_str());
    return FileError(path, "cannot replace", rename_errno);
  }
  // Make the rename itself durable (best effort: some file systems refuse to sync directories).
  const std::size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  if (const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return {};
}

}  // namespace fakeiam::internal
