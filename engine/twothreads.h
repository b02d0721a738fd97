#pragma once

// Independent pieces of work on the calling thread and one more: the figures a read model or a
// breakdown computes from one Dataset, each reading it and writing a place of its own.

#include <functional>
#include <vector>

namespace srm {

// Runs `tasks` on this thread and a second one, each thread taking the next task not yet
// started (so list the longest first). After a task throws, no other starts; the first
// exception is rethrown once both threads are done (the tasks may read what the caller's frame
// owns).
void runOnTwoThreads(const std::vector<std::function<void()>> &tasks);

} // namespace srm
