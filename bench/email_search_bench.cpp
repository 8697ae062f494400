// Email case search over 100,000 generated emails: what the agent waits for after pressing Enter
// in the Email panel's search box (spec EMAIL-18).
//
// 25,000 cases of four messages each (the customer's email, the reply, the customer's answer in
// a second thread, the last reply) are generated deterministically (a fixed-seed LCG over a
// 5,000-word vocabulary with a Zipf-like spread) and stored through EmailArchive — the same
// calls, triggers and full-text index the engine uses — in a temporary engine.db. Each benchmark
// reports p50 and p99 of single searches in µs, and the cases found per search.

#include "store/email_archive.hpp"
#include "store/engine_store.hpp"

#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

using namespace agentdesk;
using namespace agentdesk::engine;

namespace {

constexpr int kCases = 25'000;
constexpr int kMessagesPerCase = 4;
constexpr int kVocabulary = 5'000;
constexpr int kCustomers = 5'000;
constexpr std::int64_t kStartMs = 1'767'225'600'000;  // 2026-01-01

/// Numerical Recipes' LCG: the same numbers on every platform and compiler.
struct Lcg {
    std::uint64_t state;
    std::uint32_t next() {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>(state >> 33);
    }
    double unit() { return next() / 2147483648.0; }
};

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
    const std::string& pick(Lcg& rng) const {
        const int index = static_cast<int>(std::pow(rng.unit(), 3.0) * kVocabulary);
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

std::string customerAddress(int i) { return fmt::format("customer{}@mail{}.example", i, i % 17); }

class GeneratedCases {
public:
    static GeneratedCases& get() {
        static GeneratedCases instance;
        return instance;
    }
    EmailArchive& archive() { return *archive_; }
    const Corpus& corpus() const { return corpus_; }
    ~GeneratedCases() {
        archive_.reset();
        store_.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }

private:
    GeneratedCases() {
        std::string pattern = (std::filesystem::temp_directory_path() / "agentdesk-email-bench-XXXXXX").string();
        if (!mkdtemp(pattern.data())) std::abort();
        dir_ = pattern;
        store_ = std::make_unique<EngineStore>(EngineStore::fileIn(dir_));
        archive_ = std::make_unique<EmailArchive>(*store_);
        // Generation only: one commit per write as in the engine, without waiting for the disk each time.
        store_->database().exec("PRAGMA synchronous = OFF");
        Lcg rng{20261125};
        const auto start = std::chrono::steady_clock::now();
        for (int c = 0; c < kCases; ++c) {
            const std::int64_t at = kStartMs + static_cast<std::int64_t>(c) * 60'000;
            events::EmailCaseSummary summary;
            summary.subject = corpus_.sentence(rng, 5);
            summary.customerAddress = customerAddress(static_cast<int>(rng.next() % kCustomers));
            summary.serviceId = "support-email";
            summary.state = c % 5 == 0 ? events::CaseState::Open : events::CaseState::Closed;
            summary.createdMs = summary.updatedMs = at;
            const std::string caseId = archive_->createCase(summary);
            std::int64_t thread = archive_->createThread(caseId, summary.subject, at);
            for (int m = 0; m < kMessagesPerCase; ++m) {
                if (m == 2) thread = archive_->createThread(caseId, "Re: " + summary.subject, at + m * 3'600'000);
                events::EmailMessage message;
                message.caseId = caseId;
                message.threadId = thread;
                message.kind = m % 2 == 0 ? events::EmailKind::Inbound : events::EmailKind::Reply;
                message.from = m % 2 == 0 ? summary.customerAddress : "support-email@center.example";
                message.to = m % 2 == 0 ? "support-email@center.example" : summary.customerAddress;
                message.subject = summary.subject;
                message.atMs = at + m * 3'600'000;
                message.plainBody = corpus_.sentence(rng, 60 + static_cast<int>(rng.next() % 120));
                message.headers["Message-ID"] = fmt::format("<{}.{}@bench.example>", caseId, m);
                archive_->addMessage(message);
            }
        }
        store_->database().exec("PRAGMA synchronous = FULL");
        const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const auto bytes = std::filesystem::file_size(EngineStore::fileIn(dir_));
        std::fprintf(stderr, "generated %lld emails in %d cases in %.1f s, engine.db %.0f MB\n",
                     static_cast<long long>(archive_->countMessages()), kCases, seconds, bytes / 1e6);
    }

    Corpus corpus_;
    std::filesystem::path dir_;
    std::unique_ptr<EngineStore> store_;
    std::unique_ptr<EmailArchive> archive_;
};

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

events::SearchEmail textQuery(std::string text) {
    events::SearchEmail query;
    query.agentId = "u-anna";
    query.text = std::move(text);
    return query;
}

/// Two words of middling frequency from a body: the usual search.
void BM_SearchBodyTwoWords(benchmark::State& state) {
    auto& g = GeneratedCases::get();
    measure(state, [&](int i) {
        const auto& w = g.corpus().words;
        return g.archive().search(textQuery(w[static_cast<std::size_t>(200 + i % 400)] + " " +
                                            w[static_cast<std::size_t>(300 + (i * 7) % 500)]));
    });
}

/// One rare word (in a few dozen emails).
void BM_SearchRareWord(benchmark::State& state) {
    auto& g = GeneratedCases::get();
    measure(state, [&](int i) { return g.archive().search(textQuery(g.corpus().words[static_cast<std::size_t>(2000 + i % 2000)])); });
}

/// One very common word (in most emails): every match is joined to its case before the newest 50 are kept.
void BM_SearchCommonWord(benchmark::State& state) {
    auto& g = GeneratedCases::get();
    measure(state, [&](int i) { return g.archive().search(textQuery(g.corpus().words[static_cast<std::size_t>(i % 20)])); });
}

/// A word and the first four letters of another as a prefix ("pove nuce*").
void BM_SearchPrefix(benchmark::State& state) {
    auto& g = GeneratedCases::get();
    measure(state, [&](int i) {
        const auto& w = g.corpus().words;
        return g.archive().search(textQuery(w[static_cast<std::size_t>(150 + i % 600)] + " " +
                                            w[static_cast<std::size_t>(100 + (i * 13) % 1000)].substr(0, 4) + "*"));
    });
}

/// A customer's cases by part of their address.
void BM_SearchCustomer(benchmark::State& state) {
    auto& g = GeneratedCases::get();
    measure(state, [&](int i) {
        events::SearchEmail query;
        query.customer = fmt::format("customer{}@", (i * 7919) % kCustomers);
        return g.archive().search(query);
    });
}

/// Open cases changed in one week.
void BM_SearchStateAndDates(benchmark::State& state) {
    auto& g = GeneratedCases::get();
    measure(state, [&](int i) {
        events::SearchEmail query;
        query.state = "Open";
        query.fromMs = kStartMs + static_cast<std::int64_t>(i % 10) * 86'400'000;
        query.toMs = query.fromMs + 7 * 86'400'000;
        return g.archive().search(query);
    });
}

/// Opening a found case: its threads, messages and attachments.
void BM_OpenCase(benchmark::State& state) {
    auto& g = GeneratedCases::get();
    measure(state, [&](int i) { return g.archive().threads(fmt::format("C-{}", 1001 + (i * 7919) % kCases)); });
}

}  // namespace

BENCHMARK(BM_SearchBodyTwoWords)->Iterations(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchRareWord)->Iterations(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchCommonWord)->Iterations(100)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchPrefix)->Iterations(500)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchCustomer)->Iterations(500)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchStateAndDates)->Iterations(500)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_OpenCase)->Iterations(2000)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
