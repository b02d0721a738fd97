#include "engine/twothreads.h"

#include <atomic>
#include <future>

namespace srm {

void runOnTwoThreads(const std::vector<std::function<void()>> &tasks)
{
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    const auto work = [&] {
        for (std::size_t i = next++; i < tasks.size() && !failed; i = next++) {
            try {
                tasks[i]();
            } catch (...) {
                failed = true;
                throw;
            }
        }
    };
    auto side = std::async(std::launch::async, work);
    try {
        work();
    } catch (...) {
        side.wait();
        throw;
    }
    side.get();
}

} // namespace srm
