#include "core/files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_set>

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

// Temporary files are "<file>.tmp-XXXXXX" (mkstemp's six characters).
constexpr char kTemporarySuffix[] = ".tmp-";
constexpr std::size_t kTemporaryRandomChars = 6;

// A writer holds an exclusive lock on its temporary file for as long as the file has its
// temporary name. A process killed mid-write (SIGKILL, a crash) leaves its temporary file behind
// with no lock on it: the next process to write the same file removes such leftovers, so that
// they never pile up. Files a live writer holds are left alone.
void RemoveAbandonedTemporaries(const std::string& dir, const std::string& temporary_prefix) {
  DIR* listing = ::opendir(dir.c_str());
  if (listing == nullptr) return;
  while (const dirent* entry = ::readdir(listing)) {
    const std::string_view name = entry->d_name;
    if (name.size() != temporary_prefix.size() + kTemporaryRandomChars ||
        name.compare(0, temporary_prefix.size(), temporary_prefix) != 0) {
      continue;
    }
    const std::string candidate = dir + std::string(name);
    const int fd = ::open(candidate.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat opened {};
    struct stat named {};
    // Unlocked, and still the file that was opened: not renamed into place meanwhile.
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::fstat(fd, &opened) == 0 &&
        ::lstat(candidate.c_str(), &named) == 0 && opened.st_dev == named.st_dev &&
        opened.st_ino == named.st_ino && S_ISREG(opened.st_mode)) {
      ::unlink(candidate.c_str());
    }
    ::close(fd);
  }
  ::closedir(listing);
}

// Whether this is the process's first write to `path`. Leftovers come from other processes, killed
// before this one wrote, so one sweep per target is enough; repeated writes (a cassette rewritten
// after each exchange) then cost no directory listing.
bool FirstWriteTo(const std::string& path) {
  static std::mutex mutex;
  static std::unordered_set<std::string> written;
  const std::lock_guard<std::mutex> lock(mutex);
  return written.insert(path).second;
}

struct Temporary {
  int fd = -1;
  std::string name;
};

// A new temporary file, locked. Another writer may take it for abandoned between its creation
// and the lock, and remove it; then another is made.
Temporary CreateLockedTemporary(const std::string& prefix) {
  for (;;) {
    Temporary temporary{-1, prefix + std::string(kTemporaryRandomChars, 'X')};
    temporary.fd = ::mkostemp(temporary.name.data(), O_CLOEXEC);
    if (temporary.fd < 0) return temporary;
    struct stat created {};
    if (::flock(temporary.fd, LOCK_EX) != 0 || ::fstat(temporary.fd, &created) != 0) {
      const int lock_errno = errno;
      ::unlink(temporary.name.c_str());
      ::close(temporary.fd);
      errno = lock_errno;
      return {-1, {}};
    }
    if (created.st_nlink > 0) return temporary;
    ::close(temporary.fd);
  }
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
  const std::size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "./" : path.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  if (FirstWriteTo(path)) RemoveAbandonedTemporaries(dir, base + kTemporarySuffix);
  const Temporary temporary = CreateLockedTemporary(path + kTemporarySuffix);
  if (temporary.fd < 0) {
    return FileError(path, "cannot create a temporary file beside it", errno);
  }
  const int fd = temporary.fd;
  const std::string& temp = temporary.name;
  const bool written = WriteAll(fd, contents) && ::fsync(fd) == 0;
  const int write_errno = errno;
  if (!written) {
    ::unlink(temp.c_str());
    ::close(fd);
    return FileError(temp, "cannot write", write_errno);
  }
  // mkstemp makes the file private (0600); give it the usual permissions of a data file.
  ::fchmod(fd, 0644);
  // The lock is held until the temporary name is gone, so that no other writer takes the file
  // for abandoned meanwhile.
  const bool renamed = ::rename(temp.c_str(), path.c_str()) == 0;
  const int rename_errno = errno;
  if (!renamed) ::unlink(temp.c_str());
  ::close(fd);
  if (!renamed) return FileError(path, "cannot replace", rename_errno);
  // Make the rename itself durable (best effort: some file systems refuse to sync directories).
  if (const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return {};
}

}  // namespace fakeiam::internal
