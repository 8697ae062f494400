// Knowledge base search latency over 100,000 generated articles: what the agent waits for after
// each keystroke in the search box, and for the suggestions when a customer's message arrives.
//
// The articles are generated deterministically (a fixed-seed linear congruential generator over
// a 5,000-word vocabulary with a Zipf-like spread, so some words are in most articles and most
// words in few), stored with KnowledgeBase::seed in a temporary kb.db, and searched through the
// same calls the panel makes. Each benchmark reports p50 and p99 of single queries in µs.

#include "model/knowledge_base.hpp"

#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace agentdesk::kb;

namespace {

constexpr int kArticles = 100'000;
constexpr int kVocabulary = 5'000;

/// Numerical Recipes' LCG: the same numbers on every platform and compiler.
struct Lcg {
    std::uint64_t state;
    std::uint32_t next() {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>(state >> 33);
    }
    /// Uniform in [0, 1).
    double unit() { return next() / 2147483648.0; }
};

/// A pronounceable word for each index: "ka", "tomi", "relunda", ...
std::string wordFor(int index) {
    static const char* syllables[] = {"ka", "to", "mi", "re", "lu", "na", "so", "fe", "di", "ga", "po", "ve",
                                      "ri", "ba", "te", "lo", "nu", "ce", "za", "hi", "mo", "pa", "se", "qu"};
    std::string word;
    int n = index + 24;
    while (n > 0) {
        word += syllables[n % 24];
        n /= 24;
    }
    return word;
}

struct Corpus {
    std::vector<std::string> words;
    Corpus() {
        for (int i = 0; i < kVocabulary; ++i) words.push_back(wordFor(i));
    }
    /// Zipf-like: low indexes are far more frequent.
    const std::string& pick(Lcg& rng) const {
        const double u = rng.unit();
        const int index = static_cast<int>(std::pow(u, 3.0) * kVocabulary);
        return words[static_cast<std::size_t>(std::min(index, kVocabulary - 1))];
    }
    std::string sentence(Lcg& rng, int n) const {
        std::string out;
        for (int i = 0; i < n; ++i) {
            if (i) out += (i % 12 == 0) ? ". " : " ";
            out += pick(rng);
        }
        return out;
    }
};

/// The generated knowledge base, built once for every benchmark in this run.
class GeneratedKb {
public:
    static GeneratedKb& get() {
        static GeneratedKb instance;
        return instance;
    }
    KnowledgeBase& kb() { return *kb_; }
    const Corpus& corpus() const { return corpus_; }
    ~GeneratedKb() {
        kb_.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }

private:
    GeneratedKb() {
        std::string pattern = (std::filesystem::temp_directory_path() / "agentdesk-kb-bench-XXXXXX").string();
        if (!mkdtemp(pattern.data())) std::abort();
        dir_ = pattern;
        kb_ = std::make_unique<KnowledgeBase>(dir_ / "kb.db");
        Lcg rng{20260105};
        std::vector<Article> articles;
        articles.reserve(kArticles);
        for (int i = 0; i < kArticles; ++i) {
            Article a;
            a.id = fmt::format("generated-{}", i);
            a.author = "Bench";
            a.content.title = corpus_.sentence(rng, 6);
            a.content.body = corpus_.sentence(rng, 120 + static_cast<int>(rng.next() % 120));
            a.content.folder = fmt::format("Folder {}", rng.next() % 40);
            a.content.service = rng.next() % 3 == 0 ? "support-chat" : "";
            a.content.tags = {corpus_.pick(rng), corpus_.pick(rng), corpus_.pick(rng)};
            articles.push_back(std::move(a));
        }
        const auto start = std::chrono::steady_clock::now();
        kb_->seed(articles, 0);
        const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const auto bytes = std::filesystem::file_size(dir_ / "kb.db");
        std::fprintf(stderr, "generated %d articles in %.1f s, kb.db %.0f MB\n", kArticles, seconds, bytes / 1e6);
    }

    Corpus corpus_;
    std::filesystem::path dir_;
    std::unique_ptr<KnowledgeBase> kb_;
};

/// Runs `query(i)` once per iteration, timing each, and reports p50 / p99 in µs and hits per query.
template <typename Query>
void measure(benchmark::State& state, Query query) {
    std::vector<double> micros;
    std::size_t hits = 0;
    int i = 0;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        const auto result = query(i++);
        micros.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
        hits += result.size();
        benchmark::DoNotOptimize(result.data());
    }
    std::sort(micros.begin(), micros.end());
    auto percentile = [&](double p) { return micros[std::min(micros.size() - 1, static_cast<std::size_t>(p * micros.size()))]; };
    state.counters["p50_us"] = percentile(0.50);
    state.counters["p99_us"] = percentile(0.99);
    state.counters["hits"] = static_cast<double>(hits) / static_cast<double>(micros.size());
}

/// Two whole words of middling frequency: the usual finished query.
void BM_SearchTwoWords(benchmark::State& state) {
    auto& g = GeneratedKb::get();
    measure(state, [&](int i) {
        const auto& w = g.corpus().words;
        return g.kb().search(w[static_cast<std::size_t>(200 + i % 400)] + " " + w[static_cast<std::size_t>(300 + (i * 7) % 500)] + " ");
    });
}

/// One rare word (found in a few dozen articles).
void BM_SearchRareWord(benchmark::State& state) {
    auto& g = GeneratedKb::get();
    measure(state, [&](int i) { return g.kb().search(g.corpus().words[static_cast<std::size_t>(2000 + i % 2000)] + " "); });
}

/// One very common word (in most articles): the worst case for ranking, every match is scored.
void BM_SearchCommonWord(benchmark::State& state) {
    auto& g = GeneratedKb::get();
    measure(state, [&](int i) { return g.kb().search(g.corpus().words[static_cast<std::size_t>(i % 20)] + " "); });
}

/// Search as you type: a whole word then the first three letters of the next (a prefix query).
void BM_SearchAsYouTypePrefix(benchmark::State& state) {
    auto& g = GeneratedKb::get();
    measure(state, [&](int i) {
        const auto& w = g.corpus().words;
        const std::string& next = w[static_cast<std::size_t>(100 + (i * 13) % 1000)];
        return g.kb().search(w[static_cast<std::size_t>(150 + i % 600)] + " " + next.substr(0, 3));
    });
}

/// Suggestions for a customer message of 20 words (any word may match), filtered by service.
void BM_SuggestFromCustomerMessage(benchmark::State& state) {
    auto& g = GeneratedKb::get();
    Lcg rng{42};
    std::vector<std::string> messages;
    for (int i = 0; i < 64; ++i) messages.push_back(g.corpus().sentence(rng, 20));
    measure(state, [&](int i) {
        return g.kb().suggest(messages[static_cast<std::size_t>(i % 64)], {.service = "support-chat", .limit = 5});
    });
}

/// Opening an article with the query's words marked in its body.
void BM_OpenArticleMarked(benchmark::State& state) {
    auto& g = GeneratedKb::get();
    measure(state, [&](int i) {
        const std::string id = fmt::format("generated-{}", (i * 7919) % kArticles);
        return g.kb().markedBody(id, g.corpus().words[static_cast<std::size_t>(i % 50)]);
    });
}

}  // namespace

BENCHMARK(BM_SearchTwoWords)->Iterations(2000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchRareWord)->Iterations(2000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchCommonWord)->Iterations(200)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchAsYouTypePrefix)->Iterations(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SuggestFromCustomerMessage)->Iterations(500)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_OpenArticleMarked)->Iterations(2000)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
