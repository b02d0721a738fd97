// srm_schemaref: a build-time program (store/CMakeLists.txt) that runs the migrations of the
// current schema version on an in-memory database and writes its objects as C++ source to the
// file it is given (store/schemareference.h), through a temporary file renamed into place. SQL goes into raw string literals; a statement
// holding the literal's delimiter fails the build rather than being cut.
#include "store/schemabuild.h"
#include "store/workspace.h"

#include <cstdio>
#include <exception>
#include <fstream>
#include <string>

namespace {

std::string literal(const QString &text)
{
    const std::string s = text.toStdString();
    if (s.find(")srm\"") != std::string::npos)
        throw std::runtime_error("a schema statement holds )srm\"");
    return "R\"srm(" + s + ")srm\"";
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: srm_schemaref OUT.cpp\n");
        return 2;
    }
    try {
        const int version = srm::Workspace::kSchemaVersion;
        const std::vector<srm::SchemaCheck::Object> objects = srm::SchemaCheck::build(version);
        std::string out = "// Generated at build time by srm_schemaref (store/schemaref.cpp): do not edit.\n"
                          "#include \"store/schemareference.h\"\n\n"
                          "namespace srm::SchemaCheck::Reference {\n\n";
        out += "extern const int kVersion = " + std::to_string(version) + ";\n";
        out += "extern const int kCount = " + std::to_string(objects.size()) + ";\n";
        out += "extern const char *const kObjects[][4] = {\n";
        for (const srm::SchemaCheck::Object &o : objects)
            out += "    {" + literal(o.type) + ", " + literal(o.name) + ", " + literal(o.table) + ", "
                + (o.sql.isNull() ? std::string("nullptr") : literal(o.sql)) + "},\n";
        out += "};\n\n} // namespace srm::SchemaCheck::Reference\n";
        const std::string path = argv[1];
        {
            std::ofstream file(path + ".new", std::ios::binary | std::ios::trunc);
            file << out;
            if (!file.flush())
                throw std::runtime_error("cannot write " + path + ".new");
        }
        if (std::rename((path + ".new").c_str(), path.c_str()) != 0)
            throw std::runtime_error("cannot rename " + path + ".new");
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "srm_schemaref: %s\n", e.what());
        return 1;
    }
}
