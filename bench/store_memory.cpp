// Bytes of memory per access key in a filled fakeiam::Store, in two shapes: keys spread 2 per
// user ("pairs", so each key also carries half a user) and all keys in one user ("one_user").
//
//   fakeiam_store_memory [key_count]    (default 1000000)
#include <malloc.h>
#include <sys/wait.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "fakeiam/store.hpp"

namespace {

enum class Shape { kPairs, kOneUser };

// Bytes malloc has handed out and not had back. Blocks above the mmap threshold (the key table's
// bucket array, a big user's key list) are counted in hblkhd, not uordblks, so both are needed.
double HeapInUse() {
  const struct mallinfo2 info = mallinfo2();
  return static_cast<double>(info.uordblks + info.hblkhd);
}

// VmRSS from /proc/self/status, in bytes (the file gives kB).
double ResidentBytes() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) * 1024;
  }
  return 0;
}

// value() throws on a failed call, which ends the program with the store's error message.
void Fill(fakeiam::Store& store, std::size_t key_count, Shape shape) {
  if (shape == Shape::kOneUser) {
    store.CreateUser("big").value();
    for (std::size_t k = 0; k < key_count; ++k) store.CreateAccessKey("big").value();
    return;
  }
  for (std::size_t made = 0, u = 0; made < key_count; ++u) {
    const std::string name = "user" + std::to_string(u);
    store.CreateUser(name).value();
    for (int k = 0; k < 2 && made < key_count; ++k, ++made) store.CreateAccessKey(name).value();
  }
}

void PrintRow(std::size_t key_count, Shape shape) {
  fakeiam::StoreOptions options;
  if (shape == Shape::kOneUser) options.access_key_quota = static_cast<int>(key_count);
  const double heap_before = HeapInUse();
  const double rss_before = ResidentBytes();
  fakeiam::Store store(options);
  Fill(store, key_count, shape);
  const double keys = static_cast<double>(key_count);
  std::printf("%-9s %10zu %16.1f %15.1f\n", shape == Shape::kPairs ? "pairs" : "one_user",
              key_count, (HeapInUse() - heap_before) / keys, (ResidentBytes() - rss_before) / keys);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t key_count = 1000000;
  if (argc > 2) {
    std::fprintf(stderr, "usage: %s [key_count]\n", argv[0]);
    return 2;
  }
  if (argc == 2) {
    char* end = nullptr;
    const unsigned long long n = std::strtoull(argv[1], &end, 10);
    // The one_user quota is an int.
    if (*argv[1] == '\0' || *end != '\0' || n == 0 || n > INT_MAX) {
      std::fprintf(stderr, "%s: key_count must be a number from 1 to %d, not '%s'\n", argv[0],
                   INT_MAX, argv[1]);
      return 2;
    }
    key_count = static_cast<std::size_t>(n);
  }

  std::printf("%-9s %10s %16s %15s\n", "shape", "keys", "bytes/key (heap)", "bytes/key (RSS)");
  for (const Shape shape : {Shape::kPairs, Shape::kOneUser}) {
    // Each shape fills its own child process, so that it starts from the same heap and its RSS
    // growth is not hidden by pages the previous shape freed but the allocator kept.
    std::fflush(stdout);
    const pid_t child = fork();
    if (child < 0) {
      std::perror("fork");
      return 1;
    }
    if (child == 0) {
      PrintRow(key_count, shape);
      std::fflush(stdout);
      _exit(0);
    }
    int status = 0;
    if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "%s: measuring failed\n", argv[0]);
      return 1;
    }
  }
  return 0;
}
