/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM boundary conditions for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.
\*---------------------------------------------------------------------------*/

#include "boundary/openfoam/common/materialEntries.H"
#include "error.H"
#include "ITstream.H"
#include "token.H"

// * * * * * * * * * * * * * * * Global Functions  * * * * * * * * * * * * * //

std::vector<std::pair<std::string, double>> Foam::readCompositionEntry
(
    const dictionary& dict,
    const word& key
)
{
    std::vector<std::pair<std::string, double>> out;
    if (!dict.found(key, keyType::LITERAL))
    {
        return out;
    }
    const ITstream& is = dict.lookup(key, keyType::LITERAL);
    const tokenList& toks = is;
    const label n = toks.size();
    bool ok =
        n >= 4 && (n - 2) % 2 == 0
     && toks[0].isPunctuation() && toks[0].pToken() == token::BEGIN_LIST
     && toks[n - 1].isPunctuation() && toks[n - 1].pToken() == token::END_LIST;
    for (label i = 1; ok && i + 1 < n - 1; i += 2)
    {
        if (!toks[i].isWord() || !toks[i + 1].isNumber())
        {
            ok = false;
        }
        else
        {
            out.emplace_back(toks[i].wordToken(), toks[i + 1].number());
        }
    }
    if (!ok)
    {
        FatalIOErrorInFunction(dict)
            << "Entry '" << key << "': expected element symbols and atom"
            << " fractions in one list, e.g. " << key
            << " (In 0.3563 Sn 0.0365 O 0.6073);"
            << nl << exit(FatalIOError);
    }
    return out;
}


void Foam::writeCompositionEntry
(
    Ostream& os,
    const word& key,
    const std::vector<std::pair<std::string, double>>& composition
)
{
    if (composition.empty())
    {
        return;
    }
    os.writeKeyword(key) << token::BEGIN_LIST;
    for (std::size_t i = 0; i < composition.size(); ++i)
    {
        if (i > 0)
        {
            os << token::SPACE;
        }
        os << word(composition[i].first) << token::SPACE
           << composition[i].second;
    }
    os << token::END_LIST << token::END_STATEMENT << nl;
}

// ************************************************************************* //
