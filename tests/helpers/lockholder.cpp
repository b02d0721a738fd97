// Test helper: another process that holds a workspace's write lock. Opens FILE, starts an
// exclusive transaction with a write, prints "locked", and waits until stdin closes; then
// rolls back and exits.
#include <sqlite3.h>

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
        return 1;
    if (sqlite3_exec(db, "BEGIN EXCLUSIVE; INSERT OR REPLACE INTO settings(key, value) VALUES('name', 'held');",
                     nullptr, nullptr, nullptr)
        != SQLITE_OK)
        return 1;
    std::puts("locked");
    std::fflush(stdout);
    while (std::getchar() != EOF) {
    }
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return 0;
}
